package io.atelier.gallery.grid;

import io.atelier.core.gallery.SampleImage;
import io.atelier.imaging.decode.ImageDecoder;
import java.awt.BorderLayout;
import java.awt.Dimension;
import java.awt.FlowLayout;
import java.awt.Window;
import java.awt.event.ActionEvent;
import java.awt.event.KeyEvent;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import javax.swing.AbstractAction;
import javax.swing.JButton;
import javax.swing.JComponent;
import javax.swing.JDialog;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.KeyStroke;
import javax.swing.SwingUtilities;
import javax.swing.WindowConstants;
import org.openide.util.RequestProcessor;

/**
 * The full view of a cell: the image at full size with zoom (wheel, + / −, 0 = fit) and what made it. With a cell
 * marked in the grid, F flips between the marked and the current image in place, at the same zoom, so small
 * differences between epochs show. Escape closes.
 */
final class CellViewer extends JDialog {

    private static final RequestProcessor RP = new RequestProcessor("Gallery full view", 1);

    private final ZoomView view = new ZoomView();
    private final JLabel info = new JLabel(" ");
    private final JLabel which = new JLabel(" ");
    private final Map<UUID, BufferedImage> loaded = new HashMap<>();
    private final SampleImage current;
    private final SampleImage marked;
    private SampleImage shown;

    CellViewer(Window owner, SampleImage current, SampleImage marked) {
        super(owner, "Sample", ModalityType.MODELESS);
        this.current = current;
        this.marked = marked;
        setName("galleryViewer");
        setDefaultCloseOperation(WindowConstants.DISPOSE_ON_CLOSE);
        JScrollPane scroll = new JScrollPane(view);
        scroll.setWheelScrollingEnabled(false);
        view.addMouseWheelListener(e -> view.zoom(e.getWheelRotation() < 0 ? 1 : -1));
        JPanel bar = new JPanel(new FlowLayout(FlowLayout.LEFT, 6, 4));
        bar.add(button("Fit (0)", view::fit));
        bar.add(button("+", () -> view.zoom(1)));
        bar.add(button("−", () -> view.zoom(-1)));
        if (marked != null) {
            bar.add(button("Flip (F)", this::flip));
        }
        bar.add(which);
        JPanel south = new JPanel(new BorderLayout());
        info.setBorder(javax.swing.BorderFactory.createEmptyBorder(4, 8, 6, 8));
        south.add(info, BorderLayout.CENTER);
        getContentPane().add(bar, BorderLayout.NORTH);
        getContentPane().add(scroll, BorderLayout.CENTER);
        getContentPane().add(south, BorderLayout.SOUTH);
        key(KeyEvent.VK_ESCAPE, 0, this::dispose);
        key(KeyEvent.VK_F, 0, this::flip);
        key(KeyEvent.VK_0, 0, view::fit);
        key(KeyEvent.VK_PLUS, 0, () -> view.zoom(1));
        key(KeyEvent.VK_EQUALS, 0, () -> view.zoom(1));
        key(KeyEvent.VK_ADD, 0, () -> view.zoom(1));
        key(KeyEvent.VK_MINUS, 0, () -> view.zoom(-1));
        key(KeyEvent.VK_SUBTRACT, 0, () -> view.zoom(-1));
        setSize(new Dimension(900, 820));
        setLocationRelativeTo(owner);
        show(current);
    }

    private JButton button(String text, Runnable r) {
        JButton b = new JButton(text);
        b.setFocusable(false);
        b.addActionListener(e -> r.run());
        return b;
    }

    private void key(int code, int modifiers, Runnable r) {
        String name = "key" + code + "_" + modifiers;
        getRootPane().getInputMap(JComponent.WHEN_IN_FOCUSED_WINDOW).put(KeyStroke.getKeyStroke(code, modifiers),
                name);
        getRootPane().getActionMap().put(name, new AbstractAction() {
            @Override
            public void actionPerformed(ActionEvent e) {
                r.run();
            }
        });
    }

    /** Which image is in view: the current cell's or the marked one's. */
    SampleImage shown() {
        return shown;
    }

    void flip() {
        if (marked != null) {
            show(shown == current ? marked : current);
        }
    }

    private void show(SampleImage s) {
        shown = s;
        which.setText(marked == null ? "" : s == marked ? "Showing the marked cell (A)" : "Showing the current cell");
        info.setText(describe(s));
        setTitle(GridContent.rowLabel(s.epoch()) + " — " + s.file().getFileName());
        BufferedImage img = loaded.get(s.id());
        if (img != null) {
            view.show(img, null); // the zoom stays: flipping compares the same region
            return;
        }
        view.show(null, "Loading " + s.file().getFileName() + "…");
        RP.post(() -> {
            BufferedImage decoded = null;
            String problem;
            try {
                if (!Files.isRegularFile(s.file())) {
                    throw new IOException("file missing: " + s.file());
                }
                decoded = new ImageDecoder().decode(s.file());
                problem = null;
            } catch (IOException | RuntimeException e) {
                problem = "Cannot show " + s.file() + ": " + e.getMessage();
            }
            BufferedImage result = decoded;
            String message = problem;
            SwingUtilities.invokeLater(() -> {
                if (result != null) {
                    loaded.put(s.id(), result);
                }
                if (shown == s) {
                    view.show(result, message);
                }
            });
        });
    }

    static String describe(SampleImage s) {
        String strength = s.epoch() == 0 ? "no LoRA" : "LoRA ×" + number(s.loraStrength());
        return "<html><b>" + esc(GridContent.rowLabel(s.epoch())) + "</b> · " + esc(s.prompt())
                + (s.negativePrompt().isEmpty() ? "" : "<br>Negative: " + esc(s.negativePrompt()))
                + "<br>Seed " + (s.seed() == null ? "unknown" : s.seed()) + " · " + esc(s.sampler()) + " · CFG "
                + number(s.cfgScale()) + " · " + s.steps() + " steps · " + s.width() + "×" + s.height()
                + " · base model " + esc(s.baseModel()) + " · " + strength
                + "<br><span style='color:gray'>" + esc(s.file().toString()) + "</span></html>";
    }

    private static String number(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : String.format(Locale.ROOT, "%.2f", d)
                .replaceFirst("0+$", "");
    }

    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
