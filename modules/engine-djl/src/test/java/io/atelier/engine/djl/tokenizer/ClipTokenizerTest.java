package io.atelier.engine.djl.tokenizer;

import io.atelier.testfixtures.sd15.TinyVocab;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClipTokenizerTest {

    @TempDir
    Path dir;

    private ClipTokenizer tiny() throws Exception {
        TinyVocab.writeVocabAndMerges(dir);
        return TokenizerFiles.in(dir).load();
    }

    @Test
    void mergesByRankLowestFirst() throws Exception {
        ClipTokenizer t = tiny();
        // h e l l o</w> → (l l: rank 0) h e ll o</w> → (h e: 1) he ll o</w> → (he ll: 2) hell o</w> → (3) hello</w>
        assertThat(t.bpe("hello")).containsExactly("hello</w>");
        // with "he ll" and "hell o</w>" unreachable the merging stops at ranks 0 and 1
        assertThat(t.bpe("helo")).containsExactly("he", "l", "o</w>");
        // every occurrence of the best pair merges left to right: l l l</w> → ll l</w>
        assertThat(t.bpe("lll")).containsExactly("ll", "l</w>");
        assertThat(t.bpe("llll")).containsExactly("ll", "l", "l</w>");
        // one symbol is a word end by itself
        assertThat(t.bpe("a")).containsExactly("a</w>");
    }

    @Test
    void splitsLowerCasesAndMapsIds() throws Exception {
        ClipTokenizer t = tiny();
        assertThat(t.tokenize("  Hello,\tWORLD  red ")).containsExactly("hello</w>", ",</w>", "world</w>", "red</w>");
        // digits are single pieces; an apostrophe run is its own piece
        assertThat(t.tokenize("12")).containsExactly("1</w>", "2</w>");
        Map<String, Integer> vocab = TinyVocab.vocab();
        assertThat(t.encode("hello world")).containsExactly(vocab.get("hello</w>"), vocab.get("world</w>"));
        // a piece not in the vocabulary becomes <|endoftext|>, CLIP's unknown token
        assertThat(t.encode("z")).containsExactly(t.eos());
        assertThat(t.bos()).isEqualTo(vocab.get("<|startoftext|>"));
        assertThat(t.eos()).isEqualTo(vocab.get("<|endoftext|>"));
    }

    @Test
    void sdPromptsAreBosTokensEosPaddedWithEosTo77() throws Exception {
        ClipTokenizer t = tiny();
        int[] ids = t.encodeForSd("hello red");
        assertThat(ids).hasSize(77);
        assertThat(ids[0]).isEqualTo(t.bos());
        assertThat(ids[1]).isEqualTo(t.id("hello</w>"));
        assertThat(ids[2]).isEqualTo(t.id("red</w>"));
        assertThat(Arrays.copyOfRange(ids, 3, 77)).containsOnly(t.eos());

        String longPrompt = String.join(" ", java.util.Collections.nCopies(80, "red"));
        int[] truncated = t.encodeForSd(longPrompt);
        assertThat(truncated).hasSize(77);
        assertThat(Arrays.copyOfRange(truncated, 1, 76)).containsOnly(t.id("red</w>"));
        assertThat(truncated[76]).isEqualTo(t.eos());
        assertThat(t.overflow(longPrompt)).isEqualTo(5);
    }

    @Test
    void tokenizerJsonGivesTheSameIdsInBothMergeFormats() throws Exception {
        ClipTokenizer reference = tiny();
        TinyVocab.writeTokenizerJson(dir.resolve("strings"), false);
        TinyVocab.writeTokenizerJson(dir.resolve("pairs"), true);
        String text = "Hello  world, RED 1 hellllo";
        for (String variant : List.of("strings", "pairs")) {
            ClipTokenizer t = TokenizerFiles.in(dir.resolve(variant)).load();
            assertThat(t.encodeForSd(text)).containsExactly(reference.encodeForSd(text));
        }
    }

    @Test
    void unicodeTextIsNormalisedAndByteEncoded() throws Exception {
        ClipTokenizer t = tiny();
        // é as e + combining acute becomes one NFC letter, whose two UTF-8 bytes map to 'Ã' and '©'
        assertThat(t.tokenize("e\u0301")).containsExactly("Ã", "©</w>");
        // a non-breaking space separates words like a space
        assertThat(t.tokenize("red\u00a0red")).containsExactly("red</w>", "red</w>");
    }

    @Test
    void findsTheTokenizerInTheHuggingFaceCacheAndNamesWhereItLooked() throws Exception {
        Path hub = dir.resolve("hfhome/hub");
        Path snapshot = hub.resolve("models--openai--clip-vit-large-patch14/snapshots/abc123");
        TinyVocab.writeVocabAndMerges(snapshot);
        Files.createDirectories(hub.resolve("models--openai--clip-vit-large-patch14/refs"));
        Files.writeString(hub.resolve("models--openai--clip-vit-large-patch14/refs/main"), "abc123");
        TokenizerFiles found = TokenizerFiles.find(Map.of("HF_HOME", dir.resolve("hfhome").toString()), dir);
        assertThat(found.folder()).isEqualTo(snapshot);
        assertThat(found.load().encode("hello")).containsExactly(TinyVocab.vocab().get("hello</w>"));

        Path home = dir.resolve("home");
        assertThatThrownBy(() -> TokenizerFiles.find(Map.of("HF_HUB_CACHE", "/nowhere/hub"), home))
                .isInstanceOf(TokenizerNotFoundException.class)
                .hasMessageContaining("/nowhere/hub/models--openai--clip-vit-large-patch14")
                .hasMessageContaining(home.resolve(".cache/huggingface/hub").toString())
                .hasMessageContaining("settings");
    }

    @Test
    void aVocabularyWithoutCLIPsSpecialTokensIsRefused() throws Exception {
        Files.writeString(dir.resolve("vocab.json"), "{\"a</w>\": 0}");
        Files.writeString(dir.resolve("merges.txt"), "#version: 0.2\n");
        assertThatThrownBy(() -> TokenizerFiles.in(dir).load()).hasMessageContaining("<|startoftext|>");
    }
}
