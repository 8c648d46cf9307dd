package io.atelier.gallery.grid;

import io.atelier.core.basemodel.BaseModel;
import io.atelier.core.params.Params;
import io.atelier.core.run.EngineSettings;
import io.atelier.core.sampling.ImageSampler;
import io.atelier.core.sampling.SamplePrompt;
import io.atelier.core.sampling.SamplePromptFile;
import io.atelier.gallery.GallerySamplers;
import io.atelier.runner.gallery.RunGallery;
import java.awt.BorderLayout;
import java.awt.Component;
import java.awt.FlowLayout;
import java.awt.GridBagConstraints;
import java.awt.GridBagLayout;
import java.awt.Insets;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.swing.BoxLayout;
import javax.swing.DefaultListCellRenderer;
import javax.swing.JButton;
import javax.swing.JCheckBox;
import javax.swing.JComboBox;
import javax.swing.JFileChooser;
import javax.swing.JLabel;
import javax.swing.JList;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JTextArea;
import javax.swing.JTextField;
import javax.swing.SwingUtilities;
import javax.swing.filechooser.FileNameExtensionFilter;
import org.openide.DialogDescriptor;
import org.openide.DialogDisplayer;
import org.openide.NotifyDescriptor;
import org.openide.util.RequestProcessor;

/**
 * Generate on demand: which epochs (the base model too), prompts (the run's or a prompt file), seeds, CFG values, base
 * models, LoRA strengths and sampler; the sampler's availability is checked in the background and shown. Only what the
 * user chose is returned; what is missing from the gallery is worked out by the caller.
 */
final class GenerateDialog {

    private static final RequestProcessor RP = new RequestProcessor("Gallery sampler check", 1);

    /** What to generate. */
    record Request(List<SamplePrompt> prompts, List<Integer> epochs, List<Long> seeds, List<Double> cfgScales,
            List<BaseModel> baseModels, List<Double> strengths, ImageSampler sampler, String comfyUrl) {
    }

    /** The samplers with their settings as the store has them, read before the dialog opens. */
    record Samplers(List<ImageSampler> samplers, Map<String, EngineSettings> settings) {
    }

    private final RunGallery gallery;
    private final List<JCheckBox> epochs = new ArrayList<>();
    private final List<JCheckBox> models = new ArrayList<>();
    private final List<BaseModel> baseModels;
    private final Samplers samplers;
    private final JTextArea promptText = new JTextArea(5, 50);
    private final JTextField seeds = new JTextField(20);
    private final JTextField cfgs = new JTextField(20);
    private final JTextField strengths = new JTextField("1.0", 20);
    private final JComboBox<ImageSampler> sampler = new JComboBox<>();
    private final JTextField comfyUrl = new JTextField(28);
    private final JLabel availability = new JLabel(" ");
    private List<SamplePrompt> prompts;

    private GenerateDialog(RunGallery gallery, List<BaseModel> baseModels, Samplers samplers) {
        this.gallery = gallery;
        this.baseModels = baseModels;
        this.samplers = samplers;
        List<SamplePrompt> own = gallery.prompts();
        this.prompts = own.isEmpty() ? SamplePrompts.fromSamples(gallery.samples()).orElse(List.of()) : own;
    }

    /** Shows the dialog; empty when cancelled. Input errors are reported and the dialog shown again. */
    static Optional<Request> show(Component parent, RunGallery gallery, List<BaseModel> baseModels,
            Samplers samplers) {
        GenerateDialog d = new GenerateDialog(gallery, baseModels, samplers);
        JPanel form = d.form();
        while (true) {
            DialogDescriptor dd = new DialogDescriptor(form, "Generate gallery images");
            if (DialogDisplayer.getDefault().notify(dd) != DialogDescriptor.OK_OPTION) {
                return Optional.empty();
            }
            try {
                return Optional.of(d.request());
            } catch (IllegalArgumentException e) {
                DialogDisplayer.getDefault().notify(new NotifyDescriptor.Message(e.getMessage(),
                        NotifyDescriptor.WARNING_MESSAGE));
            }
        }
    }

    private JPanel form() {
        JPanel p = new JPanel(new GridBagLayout());
        p.setBorder(javax.swing.BorderFactory.createEmptyBorder(10, 10, 10, 10));
        int row = 0;
        JPanel epochBoxes = new JPanel(new FlowLayout(FlowLayout.LEFT, 4, 0));
        List<Integer> all = new ArrayList<>();
        all.add(0);
        all.addAll(gallery.checkpoints().keySet());
        for (int e : all) {
            JCheckBox box = new JCheckBox(e == 0 ? "base model" : Integer.toString(e), true);
            box.putClientProperty("epoch", e);
            epochs.add(box);
            epochBoxes.add(box);
        }
        row = add(p, row, "Epochs:", new JScrollPane(epochBoxes, JScrollPane.VERTICAL_SCROLLBAR_NEVER,
                JScrollPane.HORIZONTAL_SCROLLBAR_AS_NEEDED));

        promptText.setEditable(false);
        showPrompts();
        JButton load = new JButton("Load prompt file…");
        load.addActionListener(e -> loadPrompts(p));
        JPanel promptPanel = new JPanel(new BorderLayout(0, 4));
        promptPanel.add(new JScrollPane(promptText), BorderLayout.CENTER);
        promptPanel.add(load, BorderLayout.SOUTH);
        row = add(p, row, "Prompts:", promptPanel);
        seeds.setToolTipText("Comma-separated; blank = each prompt's own seed");
        row = add(p, row, "Seeds:", hinted(seeds, "blank = the prompts' own"));
        cfgs.setToolTipText("Comma-separated; blank = each prompt's own CFG scale");
        row = add(p, row, "CFG scales:", hinted(cfgs, "blank = the prompts' own"));
        row = add(p, row, "LoRA strengths:", hinted(strengths, "e.g. 0.6, 0.8, 1.0"));

        JPanel modelBoxes = new JPanel();
        modelBoxes.setLayout(new BoxLayout(modelBoxes, BoxLayout.Y_AXIS));
        String own = gallery.baseModelName();
        for (BaseModel m : baseModels) {
            JCheckBox box = new JCheckBox(m.name() + " (" + m.family() + ", " + m.file().getFileName() + ")",
                    m.file().getFileName().toString().equals(own));
            models.add(box);
            modelBoxes.add(box);
        }
        if (baseModels.isEmpty()) {
            modelBoxes.add(new JLabel("No base model is registered: add one in Window › Base Models."));
        }
        row = add(p, row, "Base models:", new JScrollPane(modelBoxes));

        samplers.samplers().forEach(sampler::addItem);
        sampler.setRenderer(new DefaultListCellRenderer() {
            @Override
            public Component getListCellRendererComponent(JList<?> list, Object value, int index, boolean selected,
                    boolean focus) {
                return super.getListCellRendererComponent(list, value instanceof ImageSampler s ? s.name() : value,
                        index, selected, focus);
            }
        });
        comfyUrl.setText(samplers.settings().getOrDefault(GallerySamplers.COMFYUI, EngineSettings.NONE)
                .get("url", "http://127.0.0.1:8188"));
        JButton check = new JButton("Check");
        check.addActionListener(e -> checkAvailability());
        sampler.addActionListener(e -> checkAvailability());
        JPanel samplerPanel = new JPanel(new FlowLayout(FlowLayout.LEFT, 4, 0));
        samplerPanel.add(sampler);
        samplerPanel.add(new JLabel("ComfyUI URL:"));
        samplerPanel.add(comfyUrl);
        samplerPanel.add(check);
        row = add(p, row, "Sampler:", samplerPanel);
        availability.setName("samplerAvailability");
        add(p, row, "", availability);
        checkAvailability();
        return p;
    }

    private static JPanel hinted(JTextField field, String hint) {
        JPanel panel = new JPanel(new FlowLayout(FlowLayout.LEFT, 6, 0));
        panel.add(field);
        JLabel l = new JLabel(hint);
        l.setEnabled(false);
        panel.add(l);
        return panel;
    }

    private static int add(JPanel p, int row, String label, Component c) {
        GridBagConstraints l = new GridBagConstraints(0, row, 1, 1, 0, 0, GridBagConstraints.NORTHWEST,
                GridBagConstraints.NONE, new Insets(4, 0, 4, 8), 0, 0);
        p.add(new JLabel(label), l);
        GridBagConstraints f = new GridBagConstraints(1, row, 1, 1, 1, 0, GridBagConstraints.WEST,
                GridBagConstraints.HORIZONTAL, new Insets(4, 0, 4, 0), 0, 0);
        p.add(c, f);
        return row + 1;
    }

    private void showPrompts() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < prompts.size(); i++) {
            SamplePrompt sp = prompts.get(i);
            sb.append('#').append(i).append("  ").append(sp.prompt()).append("  (seed ").append(sp.seed())
                    .append(", CFG ").append(sp.cfgScale()).append(", ").append(sp.width()).append('×')
                    .append(sp.height()).append(")\n");
        }
        promptText.setText(prompts.isEmpty() ? "The run has no sample prompts: load a prompt file." : sb.toString());
        promptText.setCaretPosition(0);
    }

    private void loadPrompts(Component parent) {
        JFileChooser chooser = new JFileChooser(gallery.run().projectFolder().toFile());
        chooser.setFileFilter(new FileNameExtensionFilter("Prompt file (.txt)", "txt"));
        if (chooser.showOpenDialog(parent) != JFileChooser.APPROVE_OPTION) {
            return;
        }
        Path file = chooser.getSelectedFile().toPath();
        try {
            // a few kilobytes: read here, so the dialog shows the result at once
            String text = Files.readString(file, StandardCharsets.UTF_8);
            List<SamplePrompt> parsed = SamplePromptFile.parse(text,
                    gallery.spec().config().getInt(Params.RESOLUTION),
                    gallery.spec().config().getInt(Params.SAMPLE_SEED));
            if (parsed.isEmpty()) {
                throw new IllegalArgumentException("it has no prompt lines");
            }
            prompts = parsed;
            showPrompts();
        } catch (IOException | IllegalArgumentException e) {
            DialogDisplayer.getDefault().notify(new NotifyDescriptor.Message("Cannot use " + file + ": "
                    + e.getMessage(), NotifyDescriptor.WARNING_MESSAGE));
        }
    }

    private void checkAvailability() {
        ImageSampler s = (ImageSampler) sampler.getSelectedItem();
        if (s == null) {
            availability.setText("No sampler is installed.");
            return;
        }
        EngineSettings settings = settingsFor(s);
        availability.setText("Checking " + s.name() + "…");
        RP.post(() -> {
            Optional<String> why;
            try {
                why = s.unavailable(settings);
            } catch (RuntimeException e) {
                why = Optional.of("the check failed: " + e);
            }
            Optional<String> reason = why;
            SwingUtilities.invokeLater(() -> {
                if (sampler.getSelectedItem() == s) {
                    availability.setText(reason.map(w -> "⚠ " + s.name() + " is not available: " + w)
                            .orElse("✓ " + s.name() + " is available"));
                }
            });
        });
    }

    EngineSettings settingsFor(ImageSampler s) {
        EngineSettings base = samplers.settings().getOrDefault(s.id(), EngineSettings.NONE);
        return GallerySamplers.COMFYUI.equals(s.id()) && !comfyUrl.getText().isBlank()
                ? base.with("url", comfyUrl.getText().strip()) : base;
    }

    private Request request() {
        List<Integer> chosenEpochs = epochs.stream().filter(JCheckBox::isSelected)
                .map(b -> (Integer) b.getClientProperty("epoch")).toList();
        List<BaseModel> chosenModels = new ArrayList<>();
        for (int i = 0; i < models.size(); i++) {
            if (models.get(i).isSelected()) {
                chosenModels.add(baseModels.get(i));
            }
        }
        if (chosenEpochs.isEmpty()) {
            throw new IllegalArgumentException("Choose at least one epoch.");
        }
        if (prompts.isEmpty()) {
            throw new IllegalArgumentException("There are no prompts: load a prompt file.");
        }
        if (chosenModels.isEmpty()) {
            throw new IllegalArgumentException("Choose at least one base model.");
        }
        ImageSampler s = (ImageSampler) sampler.getSelectedItem();
        if (s == null) {
            throw new IllegalArgumentException("No sampler is installed.");
        }
        return new Request(prompts, chosenEpochs, NumberList.seeds("Seeds", seeds.getText()),
                NumberList.decimals("CFG scales", cfgs.getText(), 0, 30),
                chosenModels, NumberList.decimals("LoRA strengths", strengths.getText(), -4, 4), s,
                comfyUrl.getText().strip());
    }
}
