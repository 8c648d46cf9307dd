package io.atelier.core.gallery;

import io.atelier.core.io.AtomicFiles;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * One PNG with the sample grids of one or more runs, one section each (title, prompt columns, epoch rows, the best
 * epoch starred), for sharing a comparison. A missing or unreadable image is a grey cell that says so.
 */
public final class ContactSheet {

    /** A grid: its title, column labels, rows. */
    public record Section(String title, List<String> columns, List<Row> rows) {
    }

    /** A row: its label and one file per column (null: no image for that cell). */
    public record Row(String label, boolean best, List<Path> cells) {
    }

    private static final int PAD = 8;
    private static final int LABEL_WIDTH = 120;
    private static final int TITLE_HEIGHT = 28;
    private static final int HEADER_HEIGHT = 34;

    private ContactSheet() {
    }

    /** The section of a run's grid; the columns are labelled with their prompt (or strength), rows with the epoch. */
    public static Section section(String title, EpochGrid grid, Integer bestEpoch) {
        List<String> columns = new ArrayList<>();
        for (EpochGrid.Column c : grid.columns()) {
            String label = grid.axis() == EpochGrid.Axis.STRENGTH ? "× " + c.strength() : "#" + c.promptIndex()
                    + " " + c.prompt();
            columns.add(c.seedProblem() == null ? label : label + " ⚠");
        }
        List<Row> rows = new ArrayList<>();
        for (int epoch : grid.epochs()) {
            List<Path> cells = new ArrayList<>();
            for (int c = 0; c < grid.columns().size(); c++) {
                cells.add(grid.cell(epoch, c).map(SampleImage::file).orElse(null));
            }
            boolean best = bestEpoch != null && bestEpoch == epoch;
            rows.add(new Row(epoch == 0 ? "base model" : "epoch " + epoch, best, cells));
        }
        return new Section(title, columns, rows);
    }

    public static BufferedImage render(List<Section> sections, int cell) {
        int columns = sections.stream().mapToInt(s -> s.columns().size()).max().orElse(0);
        int width = LABEL_WIDTH + PAD + Math.max(1, columns) * (cell + PAD) + PAD;
        int height = PAD;
        for (Section s : sections) {
            height += TITLE_HEIGHT + HEADER_HEIGHT + s.rows().size() * (cell + PAD) + PAD;
        }
        BufferedImage sheet = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = sheet.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            int y = PAD;
            for (Section s : sections) {
                y = draw(g, s, y, cell);
            }
        } finally {
            g.dispose();
        }
        return sheet;
    }

    private static int draw(Graphics2D g, Section s, int top, int cell) {
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
        g.drawString(s.title(), PAD, top + 20);
        int y = top + TITLE_HEIGHT;
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        for (int c = 0; c < s.columns().size(); c++) {
            int x = LABEL_WIDTH + PAD + c * (cell + PAD);
            drawClipped(g, s.columns().get(c), x, y + 14, cell, 2);
        }
        y += HEADER_HEIGHT;
        for (Row row : s.rows()) {
            g.setColor(row.best() ? new Color(0xB8860B) : Color.DARK_GRAY);
            g.setFont(new Font(Font.SANS_SERIF, row.best() ? Font.BOLD : Font.PLAIN, 13));
            g.drawString((row.best() ? "★ " : "") + row.label(), PAD, y + cell / 2);
            for (int c = 0; c < row.cells().size(); c++) {
                int x = LABEL_WIDTH + PAD + c * (cell + PAD);
                drawCell(g, row.cells().get(c), x, y, cell);
            }
            if (row.best()) {
                g.setColor(new Color(0xB8860B));
                g.setStroke(new BasicStroke(3));
                g.drawRect(LABEL_WIDTH + PAD - 3, y - 3, row.cells().size() * (cell + PAD) - PAD + 6, cell + 6);
            }
            y += cell + PAD;
        }
        return y + PAD;
    }

    private static void drawCell(Graphics2D g, Path file, int x, int y, int cell) {
        BufferedImage image = null;
        String problem = "no image";
        if (file != null) {
            try {
                image = ImageIO.read(file.toFile());
                problem = image == null ? "unreadable" : null;
            } catch (IOException e) {
                problem = java.nio.file.Files.exists(file) ? "unreadable" : "file missing";
            }
        }
        if (image == null) {
            g.setColor(new Color(0xE0E0E0));
            g.fillRect(x, y, cell, cell);
            g.setColor(Color.GRAY);
            g.setFont(new Font(Font.SANS_SERIF, Font.ITALIC, 11));
            g.drawString(problem, x + 6, y + cell / 2);
            return;
        }
        double scale = Math.min((double) cell / image.getWidth(), (double) cell / image.getHeight());
        int w = (int) Math.round(image.getWidth() * scale);
        int h = (int) Math.round(image.getHeight() * scale);
        g.drawImage(image, x + (cell - w) / 2, y + (cell - h) / 2, w, h, null);
    }

    /** Up to {@code lines} lines of the text within {@code width}, the last one cut with an ellipsis. */
    private static void drawClipped(Graphics2D g, String text, int x, int baseline, int width, int lines) {
        FontMetrics fm = g.getFontMetrics();
        String rest = text;
        for (int line = 0; line < lines && !rest.isEmpty(); line++) {
            int n = rest.length();
            while (n > 0 && fm.stringWidth(rest.substring(0, n) + (line == lines - 1 && n < rest.length() ? "…" : ""))
                    > width) {
                n--;
            }
            String shown = rest.substring(0, n) + (line == lines - 1 && n < rest.length() ? "…" : "");
            g.drawString(shown, x, baseline + line * (fm.getHeight()));
            rest = rest.substring(n).stripLeading();
        }
    }

    /** Renders and writes the sheet atomically as PNG. */
    public static void write(Path target, List<Section> sections, int cell) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ImageIO.write(render(sections, cell), "png", bytes);
        AtomicFiles.write(target, bytes.toByteArray());
    }
}
