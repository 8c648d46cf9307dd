package io.atelier.trainingrun.options;

import io.atelier.core.run.EngineAvailability;
import io.atelier.core.run.EngineSettings;
import io.atelier.runner.RunException;
import io.atelier.runner.RunService;
import io.atelier.store.StoreAccessException;
import io.atelier.store.StoreException;
import io.atelier.trainingrun.service.AppRuns;
import java.awt.Color;
import java.awt.GridBagConstraints;
import java.awt.GridBagLayout;
import java.awt.Insets;
import java.io.File;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.swing.BorderFactory;
import javax.swing.JButton;
import javax.swing.JCheckBox;
import javax.swing.JComponent;
import javax.swing.JFileChooser;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JSpinner;
import javax.swing.JTextArea;
import javax.swing.JTextField;
import javax.swing.SpinnerNumberModel;
import javax.swing.SwingUtilities;
import javax.swing.UIManager;
import javax.swing.event.DocumentEvent;
import javax.swing.event.DocumentListener;
import org.openide.util.RequestProcessor;

/**
 * Tools › Options › Training: where sd-scripts is and how to start it, which GPU; where the built-in engine finds the
 * CLIP tokenizer; each engine's Check asks it (off the event thread) whether it can run with what is typed; the queue's
 * pause and runs at once. Reads and writes the store off the event thread.
 */
final class TrainingOptionsPanel extends JPanel {

    private static final Logger LOG = Logger.getLogger(TrainingOptionsPanel.class.getName());
    private static final RequestProcessor RP = new RequestProcessor("Training options", 1);

    private final TrainingOptionsPanelController controller;
    private final JTextField dir = new JTextField(32);
    private final JTextField python = new JTextField(20);
    private final JTextField accelerate = new JTextField(20);
    private final JTextField gpu = new JTextField(6);
    private final JCheckBox paused = new JCheckBox("Paused: start no new runs");
    private final JSpinner parallel = new JSpinner(new SpinnerNumberModel(1, 1, 16, 1));
    private final JTextArea checkResult = new JTextArea(4, 40);
    private final JButton check = new JButton("Check");
    private final JTextField tokenizer = new JTextField(32);
    private final JTextArea builtinResult = new JTextArea(3, 40);
    private final JButton checkBuiltin = new JButton("Check");
    /** The built-in result area shows the tokenizer field's problem (not a Check's answer): clear it once fixed. */
    private boolean tokenizerProblemShown;
    private volatile TrainingSettings loaded;

    TrainingOptionsPanel(TrainingOptionsPanelController controller) {
        super(new GridBagLayout());
        this.controller = controller;
        dir.setName("sdScriptsDir");
        python.setName("python");
        accelerate.setName("accelerate");
        gpu.setName("gpu");
        JPanel engine = new JPanel(new GridBagLayout());
        engine.setBorder(BorderFactory.createTitledBorder("sd-scripts"));
        JButton browse = new JButton("Browse\u2026");
        browse.addActionListener(e -> browse());
        row(engine, 0, "sd-scripts folder:", dir, browse);
        row(engine, 1, "Python command:", python, new JLabel("blank: the folder's venv, else python3"));
        row(engine, 2, "accelerate command:", accelerate, new JLabel("blank: the folder's venv, else accelerate"));
        row(engine, 3, "GPU:", gpu, new JLabel("index such as 0 or 0,1; blank: all"));
        check.setName("checkEngine");
        check.addActionListener(e -> checkSdScripts());
        checkResult.setName("checkResult");
        checkRow(engine, 4, check, checkResult);

        tokenizer.setName("builtinTokenizer");
        JPanel builtin = new JPanel(new GridBagLayout());
        builtin.setBorder(BorderFactory.createTitledBorder("Built-in engine"));
        JButton browseTokenizer = new JButton("Browse\u2026");
        browseTokenizer.addActionListener(e -> browseTokenizer());
        row(builtin, 0, "CLIP tokenizer folder:", tokenizer, browseTokenizer);
        GridBagConstraints h = new GridBagConstraints();
        h.gridx = 1;
        h.gridy = 1;
        h.gridwidth = 2;
        h.anchor = GridBagConstraints.WEST;
        h.insets = new Insets(0, 4, 3, 4);
        builtin.add(new JLabel("empty: found in the Hugging Face cache (openai/clip-vit-large-patch14: "
                + "vocab.json + merges.txt or tokenizer.json)"), h);
        checkBuiltin.setName("checkBuiltin");
        checkBuiltin.addActionListener(e -> checkBuiltin());
        builtinResult.setName("builtinResult");
        checkRow(builtin, 2, checkBuiltin, builtinResult);

        JPanel queue = new JPanel(new GridBagLayout());
        queue.setBorder(BorderFactory.createTitledBorder("Queue"));
        row(queue, 0, "Runs at once:", parallel, new JLabel("more than one only with several GPUs or a lot of VRAM"));
        GridBagConstraints q = new GridBagConstraints();
        q.gridx = 1;
        q.gridy = 1;
        q.anchor = GridBagConstraints.WEST;
        queue.add(paused, q);

        GridBagConstraints g = new GridBagConstraints();
        g.gridx = 0;
        g.fill = GridBagConstraints.HORIZONTAL;
        g.weightx = 1;
        g.anchor = GridBagConstraints.NORTH;
        add(engine, g);
        add(builtin, g);
        add(queue, g);
        g.weighty = 1;
        add(new JPanel(), g);

        DocumentListener changed = new DocumentListener() {
            @Override
            public void insertUpdate(DocumentEvent e) {
                controller.changed();
            }

            @Override
            public void removeUpdate(DocumentEvent e) {
                controller.changed();
            }

            @Override
            public void changedUpdate(DocumentEvent e) {
                controller.changed();
            }
        };
        for (JTextField f : new JTextField[]{dir, python, accelerate, gpu, tokenizer}) {
            f.getDocument().addDocumentListener(changed);
        }
        tokenizer.getDocument().addDocumentListener(new DocumentListener() {
            @Override
            public void insertUpdate(DocumentEvent e) {
                showTokenizerProblem();
            }

            @Override
            public void removeUpdate(DocumentEvent e) {
                showTokenizerProblem();
            }

            @Override
            public void changedUpdate(DocumentEvent e) {
                showTokenizerProblem();
            }
        });
        paused.addActionListener(e -> controller.changed());
        parallel.addChangeListener(e -> controller.changed());
    }

    private static void row(JPanel panel, int y, String label, JComponent field, JComponent extra) {
        GridBagConstraints c = new GridBagConstraints();
        c.gridy = y;
        c.insets = new Insets(3, 4, 3, 4);
        c.anchor = GridBagConstraints.WEST;
        JLabel l = new JLabel(label);
        l.setLabelFor(field);
        panel.add(l, c);
        c.fill = GridBagConstraints.HORIZONTAL;
        c.weightx = 1;
        panel.add(field, c);
        c.fill = GridBagConstraints.NONE;
        c.weightx = 0;
        panel.add(extra, c);
    }

    /** A Check button and, beside it, the read-only area its answer goes to. */
    private static void checkRow(JPanel panel, int y, JButton button, JTextArea result) {
        result.setEditable(false);
        result.setLineWrap(true);
        result.setWrapStyleWord(true);
        result.setBackground(UIManager.getColor("Panel.background"));
        GridBagConstraints c = new GridBagConstraints();
        c.gridx = 0;
        c.gridy = y;
        c.anchor = GridBagConstraints.NORTHWEST;
        c.insets = new Insets(4, 4, 4, 4);
        panel.add(button, c);
        c.gridx = 1;
        c.gridwidth = 2;
        c.fill = GridBagConstraints.BOTH;
        c.weightx = 1;
        JScrollPane scroll = new JScrollPane(result);
        // GridBag shrinks a scroll pane to its minimum when space is short: keep the answer's lines readable
        scroll.setMinimumSize(scroll.getPreferredSize());
        panel.add(scroll, c);
    }

    private void browse() {
        JFileChooser chooser = new JFileChooser(dir.getText().isBlank() ? null : new File(dir.getText()));
        chooser.setFileSelectionMode(JFileChooser.DIRECTORIES_ONLY);
        chooser.setDialogTitle("The sd-scripts folder (the one with train_network.py)");
        if (chooser.showOpenDialog(this) == JFileChooser.APPROVE_OPTION) {
            dir.setText(chooser.getSelectedFile().getAbsolutePath());
        }
    }

    private void browseTokenizer() {
        JFileChooser chooser = new JFileChooser(tokenizer.getText().isBlank() ? null : new File(tokenizer.getText()));
        chooser.setFileSelectionMode(JFileChooser.DIRECTORIES_ONLY);
        chooser.setDialogTitle("The CLIP tokenizer folder (vocab.json + merges.txt, or tokenizer.json)");
        if (chooser.showOpenDialog(this) == JFileChooser.APPROVE_OPTION) {
            tokenizer.setText(chooser.getSelectedFile().getAbsolutePath());
        }
    }

    /** Reads the settings off the event thread and shows them. */
    void load() {
        setEnabledAll(false);
        RP.post(() -> {
            try {
                RunService s = AppRuns.service();
                TrainingSettings t = TrainingSettings.load(s.engines(), s.paused(), s.parallel());
                SwingUtilities.invokeLater(() -> show(t));
            } catch (StoreException | StoreAccessException | IllegalStateException e) {
                LOG.log(Level.INFO, "Cannot read the training settings", e);
                SwingUtilities.invokeLater(() -> report(checkResult, false,
                        "The settings cannot be read: " + e.getMessage()));
            }
        });
    }

    private void show(TrainingSettings t) {
        loaded = t;
        EngineSettings e = t.engine();
        dir.setText(e.get(TrainingSettings.DIR, ""));
        python.setText(e.get(TrainingSettings.PYTHON, ""));
        accelerate.setText(e.get(TrainingSettings.ACCELERATE, ""));
        gpu.setText(e.get(TrainingSettings.GPU, ""));
        tokenizer.setText(t.tokenizer());
        paused.setSelected(t.paused());
        parallel.setValue(t.parallel());
        setEnabledAll(true);
        controller.changed();
    }

    private void setEnabledAll(boolean enabled) {
        for (JComponent c : new JComponent[]{dir, python, accelerate, gpu, paused, parallel, check, tokenizer,
            checkBuiltin}) {
            c.setEnabled(enabled);
        }
    }

    /** What the fields say now, on top of the engine's other settings. */
    TrainingSettings current() {
        TrainingSettings base = loaded;
        EngineSettings e = (base == null ? EngineSettings.NONE : base.engine())
                .with(TrainingSettings.DIR, dir.getText())
                .with(TrainingSettings.PYTHON, python.getText())
                .with(TrainingSettings.ACCELERATE, accelerate.getText())
                .with(TrainingSettings.GPU, gpu.getText());
        return new TrainingSettings(e, base == null ? EngineSettings.NONE : base.builtin(), paused.isSelected(),
                (Integer) parallel.getValue()).withTokenizer(tokenizer.getText());
    }

    boolean changed() {
        TrainingSettings base = loaded;
        return base != null && !base.equals(current());
    }

    boolean valid() {
        return current().problem() == null;
    }

    /** Writes what changed, off the event thread. */
    void store() {
        TrainingSettings base = loaded;
        TrainingSettings now = current();
        if (base == null || base.equals(now) || !valid()) {
            return;
        }
        loaded = now;
        RP.post(() -> {
            try {
                RunService s = AppRuns.service();
                now.saveEngines(s.engines(), base);
                if (base.paused() != now.paused()) {
                    s.setPaused(now.paused());
                }
                if (base.parallel() != now.parallel()) {
                    s.setParallel(now.parallel());
                }
            } catch (StoreException | RuntimeException e) {
                LOG.log(Level.INFO, "Cannot save the training settings", e);
                org.openide.DialogDisplayer.getDefault().notifyLater(new org.openide.NotifyDescriptor.Message(
                        "The training settings cannot be saved: " + e.getMessage(),
                        org.openide.NotifyDescriptor.ERROR_MESSAGE));
            }
        });
    }

    private void checkSdScripts() {
        check(TrainingSettings.ENGINE, "sd-scripts", TrainingSettings.gpuProblem(gpu.getText()), current().engine(),
                check, checkResult);
    }

    private void checkBuiltin() {
        String problem = TrainingSettings.tokenizerProblem(tokenizer.getText());
        tokenizerProblemShown = problem != null;
        check(TrainingSettings.BUILTIN, "built-in", problem, current().builtin(), checkBuiltin, builtinResult);
    }

    /**
     * Asks the engine whether it can run with the settings as typed (may take seconds: sd-scripts may start Python,
     * the built-in engine loads PyTorch).
     */
    private void check(String engineId, String name, String problem, EngineSettings typed, JButton button,
            JTextArea result) {
        if (problem != null) {
            report(result, false, problem);
            return;
        }
        button.setEnabled(false);
        report(result, true, "Checking\u2026");
        RP.post(() -> {
            String text;
            boolean ok;
            try {
                EngineAvailability a = AppRuns.service().engines().engine(engineId).availability(typed);
                ok = a.usable();
                text = (a.usable() ? (a.cuda() ? "Ready, on the GPU (CUDA). " : "Usable, but on the CPU only. ")
                        : "Not usable: ") + a.message();
            } catch (RunException e) {
                ok = false;
                text = "The " + name + " engine is not installed in this application: " + e.getMessage();
            } catch (StoreException | RuntimeException | LinkageError e) {
                // LinkageError: a native library (PyTorch's) that does not load must not leave Check disabled
                LOG.log(Level.INFO, "The " + name + " check failed", e);
                ok = false;
                text = "The check failed: " + e;
            }
            boolean usable = ok;
            String shown = text;
            SwingUtilities.invokeLater(() -> {
                button.setEnabled(true);
                report(result, usable, shown);
            });
        });
    }

    /** Says at once why the tokenizer folder is refused, since OK stays disabled meanwhile. */
    private void showTokenizerProblem() {
        String problem = TrainingSettings.tokenizerProblem(tokenizer.getText());
        if (problem != null) {
            report(builtinResult, false, problem);
            tokenizerProblemShown = true;
        } else if (tokenizerProblemShown) {
            report(builtinResult, true, "");
            tokenizerProblemShown = false;
        }
    }

    private static void report(JTextArea result, boolean ok, String text) {
        result.setForeground(ok ? UIManager.getColor("Label.foreground") : new Color(0xB0, 0x00, 0x20));
        result.setText(text);
    }
}
