package io.atelier.gallery.compare;

import io.atelier.core.gallery.SampleImage;
import io.atelier.imaging.thumbnail.ThumbnailCache;
import io.atelier.project.api.AppStore;
import java.awt.BorderLayout;
import java.awt.Color;
import java.awt.Dimension;
import java.awt.FlowLayout;
import java.awt.Font;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.GridBagConstraints;
import java.awt.GridBagLayout;
import java.awt.Insets;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.swing.BorderFactory;
import javax.swing.DefaultComboBoxModel;
import javax.swing.JComboBox;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.SwingUtilities;
import org.openide.util.RequestProcessor;

/**
 * The runs' sample grids side by side for one chosen prompt: a column block per run (its label on top), rows = epochs.
 * Thumbnails load lazily: a cell asks for its image the first time it is painted (so only what scrolls into view is
 * decoded), on a background processor; a newer prompt choice drops what the old one still had queued.
 */
final class SampleGridsPanel extends JPanel {

    private static final Logger LOG = Logger.getLogger(SampleGridsPanel.class.getName());
    /** One thread fewer than cores, at least one: the event thread keeps a core while thumbnails decode. */
    private static final RequestProcessor RP = new RequestProcessor("Compare thumbnails",
            Math.max(1, Runtime.getRuntime().availableProcessors() - 1));
    static final int CELL = 192;
    private static final Color BEST = new Color(0xB8860B);
    private static volatile ThumbnailCache thumbnails;

    private final JComboBox<SideBySide.Prompt> prompt = new JComboBox<>();
    private final JPanel grid = new JPanel(new GridBagLayout());
    private final JLabel status = new JLabel(" ");
    private final AtomicInteger generation = new AtomicInteger();
    private List<ComparedRun> runs = List.of();

    SampleGridsPanel() {
        super(new BorderLayout());
        JPanel bar = new JPanel(new FlowLayout(FlowLayout.LEFT, 6, 2));
        prompt.setName("comparePrompt");
        prompt.addActionListener(e -> layoutGrid());
        bar.add(new JLabel("Prompt"));
        bar.add(prompt);
        bar.add(status);
        add(bar, BorderLayout.NORTH);
        grid.setBackground(Color.WHITE);
        JPanel north = new JPanel(new BorderLayout()); // keeps the grid at the top left instead of centred
        north.setBackground(Color.WHITE);
        north.add(grid, BorderLayout.WEST);
        JPanel holder = new JPanel(new BorderLayout());
        holder.setBackground(Color.WHITE);
        holder.add(north, BorderLayout.NORTH);
        JScrollPane scroll = new JScrollPane(holder);
        scroll.getVerticalScrollBar().setUnitIncrement(24);
        scroll.getHorizontalScrollBar().setUnitIncrement(24);
        add(scroll, BorderLayout.CENTER);
    }

    /** Shows these runs (event thread). */
    void show(List<ComparedRun> compared) {
        runs = List.copyOf(compared);
        List<SideBySide.Prompt> prompts = SideBySide.prompts(runs);
        prompt.setModel(new DefaultComboBoxModel<>(prompts.toArray(SideBySide.Prompt[]::new)));
        prompt.setEnabled(prompts.size() > 1);
        layoutGrid();
    }

    private void layoutGrid() {
        int mine = generation.incrementAndGet();
        grid.removeAll();
        SideBySide.Prompt chosen = (SideBySide.Prompt) prompt.getSelectedItem();
        if (chosen == null) {
            status.setText(runs.isEmpty() ? " " : "These runs have no sample images yet");
            grid.revalidate();
            grid.repaint();
            return;
        }
        status.setText(" ");
        GridBagConstraints c = new GridBagConstraints();
        c.insets = new Insets(3, 3, 3, 3);
        c.anchor = GridBagConstraints.NORTHWEST;
        for (int col = 0; col < runs.size(); col++) {
            ComparedRun r = runs.get(col);
            c.gridx = col + 1;
            c.gridy = 0;
            String problem = SideBySide.seedProblem(r, chosen.index());
            // a fixed width lets the label wrap onto as many lines as it needs instead of being cut
            JLabel head = new JLabel("<html><div style='width:" + (CELL - 40) + "px'><b>" + escape(r.label())
                    + "</b>" + (problem == null ? "" : "<br><font color='#b00020'>\u26a0 seeds differ</font>")
                    + "</div></html>");
            head.setToolTipText(problem);
            head.setPreferredSize(new Dimension(CELL, head.getPreferredSize().height)); // columns as wide as cells
            grid.add(head, c);
        }
        List<Integer> epochs = SideBySide.epochs(runs);
        for (int row = 0; row < epochs.size(); row++) {
            int epoch = epochs.get(row);
            c.gridx = 0;
            c.gridy = row + 1;
            c.anchor = GridBagConstraints.WEST;
            grid.add(new JLabel(epoch == 0 ? "base model" : "epoch " + epoch), c);
            c.anchor = GridBagConstraints.NORTHWEST;
            for (int col = 0; col < runs.size(); col++) {
                ComparedRun r = runs.get(col);
                c.gridx = col + 1;
                boolean best = r.bestEpoch() != null && r.bestEpoch() == epoch;
                grid.add(new Cell(SideBySide.cell(r, epoch, chosen.index()).map(SampleImage::file).orElse(null),
                        best, mine), c);
            }
        }
        grid.revalidate();
        grid.repaint();
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static ThumbnailCache thumbnails() {
        ThumbnailCache t = thumbnails;
        if (t == null) {
            synchronized (SampleGridsPanel.class) {
                if (thumbnails == null) {
                    thumbnails = new ThumbnailCache(AppStore.location().thumbnailDir());
                }
                t = thumbnails;
            }
        }
        return t;
    }

    /** One image: asks for its thumbnail when first painted, shows why when there is none. */
    private final class Cell extends JComponent {
        private final Path file;
        private final int shownFor;
        private volatile BufferedImage image;
        private volatile String problem;
        private boolean requested;

        Cell(Path file, boolean best, int shownFor) {
            this.file = file;
            this.shownFor = shownFor;
            setPreferredSize(new Dimension(CELL, CELL));
            setBorder(best ? BorderFactory.createLineBorder(BEST, 3) : BorderFactory.createLineBorder(
                    new Color(0xdd, 0xdd, 0xdd)));
            if (best) {
                setToolTipText("The picked epoch");
            } else if (file != null) {
                setToolTipText(file.toString());
            }
            problem = file == null ? "no image" : null;
        }

        @Override
        protected void paintComponent(Graphics g) {
            g.setColor(new Color(0xf2, 0xf2, 0xf2));
            g.fillRect(0, 0, getWidth(), getHeight());
            BufferedImage img = image;
            if (img != null) {
                Graphics2D g2 = (Graphics2D) g.create();
                try {
                    g2.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
                    double scale = Math.min((CELL - 6.0) / img.getWidth(), (CELL - 6.0) / img.getHeight());
                    int w = (int) Math.round(img.getWidth() * scale);
                    int h = (int) Math.round(img.getHeight() * scale);
                    g2.drawImage(img, (getWidth() - w) / 2, (getHeight() - h) / 2, w, h, null);
                } finally {
                    g2.dispose();
                }
                return;
            }
            if (problem == null && !requested) {
                requested = true;
                RP.post(this::load);
            }
            g.setColor(Color.GRAY);
            g.setFont(getFont() == null ? new Font(Font.SANS_SERIF, Font.ITALIC, 11)
                    : getFont().deriveFont(Font.ITALIC));
            String text = problem == null ? "loading\u2026" : problem;
            int x = (getWidth() - g.getFontMetrics().stringWidth(text)) / 2;
            g.drawString(text, Math.max(4, x), getHeight() / 2);
        }

        private void load() {
            if (shownFor != generation.get()) {
                return; // the prompt changed before this cell's turn came
            }
            try {
                image = thumbnails().thumbnail(file);
            } catch (IOException | RuntimeException e) {
                LOG.log(Level.FINE, "No thumbnail of " + file, e);
                problem = java.nio.file.Files.exists(file) ? "unreadable" : "file missing";
            }
            SwingUtilities.invokeLater(this::repaint);
        }
    }

    /** How many image cells the layout has (runs × epochs). */
    int cellCount() {
        int n = 0;
        for (java.awt.Component c : grid.getComponents()) {
            if (c instanceof Cell) {
                n++;
            }
        }
        return n;
    }
}
