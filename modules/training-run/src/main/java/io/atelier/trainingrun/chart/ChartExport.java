package io.atelier.trainingrun.chart;

import io.atelier.core.io.AtomicFiles;
import java.awt.Component;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.imageio.ImageIO;
import javax.swing.JFileChooser;
import javax.swing.filechooser.FileNameExtensionFilter;
import org.openide.DialogDisplayer;
import org.openide.NotifyDescriptor;
import org.openide.awt.StatusDisplayer;
import org.openide.util.RequestProcessor;

/**
 * Saves the chart as PNG or its data as CSV where the user chooses. What is shown is copied on the event thread (the
 * picture drawn, the data snapshot); encoding and the atomic write happen off it.
 */
public final class ChartExport {

    private static final Logger LOG = Logger.getLogger(ChartExport.class.getName());
    private static final RequestProcessor RP = new RequestProcessor("Chart export", 1);

    private ChartExport() {
    }

    /** Asks for a file and writes the chart as a PNG of {@code width × height}. Event thread. */
    public static void png(Component parent, LossChart chart, String baseName, int width, int height) {
        Path target = choose(parent, baseName + ".png", "PNG images", "png");
        if (target == null) {
            return;
        }
        BufferedImage image = chart.chart().createBufferedImage(Math.max(400, width), Math.max(300, height));
        RP.post(() -> write(target, () -> {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            ImageIO.write(image, "png", bytes);
            return bytes.toByteArray();
        }));
    }

    /**
     * Asks for a file and writes the data as CSV; {@code snapshot} is asked for the data on the chart model's own
     * thread and hands it over. Event thread.
     */
    public static void csv(Component parent, java.util.function.Consumer<java.util.function.Consumer<ChartSnapshot>>
            snapshot, String baseName) {
        Path target = choose(parent, baseName + ".csv", "CSV files", "csv");
        if (target == null) {
            return;
        }
        snapshot.accept(s -> RP.post(() -> write(target, () -> ChartCsv.write(s).getBytes(StandardCharsets.UTF_8))));
    }

    private interface Content {
        byte[] bytes() throws IOException;
    }

    private static void write(Path target, Content content) {
        try {
            AtomicFiles.write(target, content.bytes());
            StatusDisplayer.getDefault().setStatusText("Saved " + target);
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.INFO, "Cannot save " + target, e);
            DialogDisplayer.getDefault().notifyLater(new NotifyDescriptor.Message("Cannot save " + target + ": "
                    + e.getMessage(), NotifyDescriptor.ERROR_MESSAGE));
        }
    }

    private static Path choose(Component parent, String name, String description, String extension) {
        JFileChooser chooser = new JFileChooser();
        chooser.setFileFilter(new FileNameExtensionFilter(description, extension));
        chooser.setSelectedFile(new File(chooser.getCurrentDirectory(), name));
        if (chooser.showSaveDialog(parent) != JFileChooser.APPROVE_OPTION) {
            return null;
        }
        File f = chooser.getSelectedFile();
        if (!f.getName().toLowerCase(java.util.Locale.ROOT).endsWith("." + extension)) {
            f = new File(f.getParentFile(), f.getName() + "." + extension);
        }
        if (f.exists() && DialogDisplayer.getDefault().notify(new NotifyDescriptor.Confirmation(
                f + " exists. Replace it?", NotifyDescriptor.OK_CANCEL_OPTION)) != NotifyDescriptor.OK_OPTION) {
            return null;
        }
        return f.toPath();
    }
}
