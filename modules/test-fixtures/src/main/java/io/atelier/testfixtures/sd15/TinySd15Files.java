package io.atelier.testfixtures.sd15;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

/**
 * Writes a tiny SD 1.5 checkpoint that SD 1.5's own head counts fit ({@code tiny-sd15.safetensors}) and the tiny
 * tokenizer's files ({@code tokenizer/}) into a folder: for tests that cannot load this jar themselves, such as the
 * application's GUI test inside the NetBeans module system (its build runs this first).
 */
public final class TinySd15Files {

    /** SD 1.5's 8 U-Net and 12 text heads divide these widths (32 and 48). */
    public static final TestCheckpoints.Spec SPEC = new TestCheckpoints.Spec(32, new int[]{1, 1, 2, 2}, 1,
            Set.of(2), 1, 48, 2, 12, 64, 77, 32, new int[]{1, 1, 2, 2}, 1);
    public static final String CHECKPOINT = "tiny-sd15.safetensors";
    public static final String TOKENIZER = "tokenizer";

    private TinySd15Files() {
    }

    public static void write(Path folder) throws IOException {
        Files.createDirectories(folder);
        TestCheckpoints.writeSd15(folder.resolve(CHECKPOINT), SPEC, 5);
        TinyVocab.writeVocabAndMerges(folder.resolve(TOKENIZER));
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: TinySd15Files FOLDER");
        }
        write(Path.of(args[0]));
    }
}
