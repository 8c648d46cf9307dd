package io.atelier.project.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.datatransfer.DataFlavor;
import java.awt.datatransfer.StringSelection;
import java.awt.datatransfer.Transferable;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files dropped from a desktop file manager, in the flavours the platforms use. */
class DroppedFilesTest {

    @TempDir
    Path tmp;

    @Test
    void readsTheJavaFileList() throws Exception {
        Path a = tmp.resolve("a.png");
        Path b = tmp.resolve("photos");
        Transferable t = transferable(DataFlavor.javaFileListFlavor, List.of(a.toFile(), b.toFile()));
        assertThat(DroppedFiles.offered(t)).isTrue();
        assertThat(DroppedFiles.read(t)).containsExactly(a, b);
    }

    @Test
    void readsTheLinuxUriListSkippingCommentsAndRemoteUris() throws Exception {
        Path spaced = tmp.resolve("my photos").resolve("été 1.jpg");
        String list = "# dragged from Files\r\n" + spaced.toUri() + "\r\nhttps://example.org/x.png\r\n\r\n"
                + tmp.resolve("b.zip").toUri() + "\r\n";
        Transferable t = transferable(DroppedFiles.URI_LIST, list);
        assertThat(DroppedFiles.offered(t)).isTrue();
        assertThat(DroppedFiles.read(t)).containsExactly(spaced, tmp.resolve("b.zip"));
    }

    @Test
    void plainTextIsNotAFileDrop() throws Exception {
        Transferable t = new StringSelection("file:///etc/passwd");
        assertThat(DroppedFiles.offered(t)).isFalse();
        assertThat(DroppedFiles.read(t)).isEmpty();
    }

    @Test
    void malformedUriLinesAreSkipped() {
        assertThat(DroppedFiles.parseUriList("file://remote-host/share/a.png\nnot a uri\n")).isEmpty();
    }

    private static Transferable transferable(DataFlavor flavor, Object data) {
        return new Transferable() {
            @Override
            public DataFlavor[] getTransferDataFlavors() {
                return new DataFlavor[]{flavor};
            }

            @Override
            public boolean isDataFlavorSupported(DataFlavor f) {
                return flavor.equals(f);
            }

            @Override
            public Object getTransferData(DataFlavor f) {
                return data;
            }
        };
    }
}
