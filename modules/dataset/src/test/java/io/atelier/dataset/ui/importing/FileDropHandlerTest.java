package io.atelier.dataset.ui.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.datatransfer.DataFlavor;
import java.awt.datatransfer.StringSelection;
import java.awt.datatransfer.Transferable;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.swing.JPanel;
import javax.swing.TransferHandler.TransferSupport;
import org.junit.jupiter.api.Test;

/** Files pasted into the Dataset window go to the import; text does not. (Drops take the same path.) */
class FileDropHandlerTest {

    private final List<List<Path>> imported = new ArrayList<>();
    private final FileDropHandler handler = new FileDropHandler(imported::add);

    @Test
    void aFileListIsImported() {
        Path a = Path.of("/home/me/shoot/a.jpg");
        Path zip = Path.of("/home/me/more.zip");
        TransferSupport paste = new TransferSupport(new JPanel(), files(a.toFile(), zip.toFile()));
        assertThat(handler.canImport(paste)).isTrue();
        assertThat(handler.importData(paste)).isTrue();
        assertThat(imported).containsExactly(List.of(a, zip));
    }

    @Test
    void textIsNotAFile() {
        TransferSupport paste = new TransferSupport(new JPanel(), new StringSelection("/home/me/a.jpg"));
        assertThat(handler.canImport(paste)).isFalse();
        assertThat(handler.importData(paste)).isFalse();
        assertThat(imported).isEmpty();
    }

    @Test
    void anEmptyFileListImportsNothing() {
        TransferSupport paste = new TransferSupport(new JPanel(), files());
        assertThat(handler.importData(paste)).isFalse();
        assertThat(imported).isEmpty();
    }

    private static Transferable files(File... files) {
        return new Transferable() {
            @Override
            public DataFlavor[] getTransferDataFlavors() {
                return new DataFlavor[]{DataFlavor.javaFileListFlavor};
            }

            @Override
            public boolean isDataFlavorSupported(DataFlavor flavor) {
                return DataFlavor.javaFileListFlavor.equals(flavor);
            }

            @Override
            public Object getTransferData(DataFlavor flavor) {
                return List.of(files);
            }
        };
    }
}
