package io.atelier.testfixtures.sd15;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A tiny CLIP-style vocabulary built like the real one: single symbols and their {@code </w>} forms, then one token
 * per merge, then the two specials last (as in CLIP, where they are 49406 and 49407).
 */
public final class TinyVocab {

    public static final List<String> SYMBOLS = List.of("a", "d", "e", "h", "l", "o", "r", "w", ",", "1", "2", "Ġ");
    /** By rank. "l l" before "h e" before "he ll": the hand-checked sequence in the test. */
    public static final List<String> MERGES = List.of("l l", "h e", "he ll", "hell o</w>", "w o", "wo r", "wor l", "worl d</w>",
            "r e", "re d</w>");

    public static Map<String, Integer> vocab() {
        Map<String, Integer> vocab = new LinkedHashMap<>();
        for (String s : SYMBOLS) {
            vocab.put(s, vocab.size());
        }
        for (String s : SYMBOLS) {
            vocab.put(s + "</w>", vocab.size());
        }
        for (String m : MERGES) {
            vocab.putIfAbsent(m.replace(" ", ""), vocab.size());
        }
        vocab.put("<|startoftext|>", vocab.size()); // CLIP's special tokens, as ClipTokenizer names them
        vocab.put("<|endoftext|>", vocab.size());
        return vocab;
    }

    public static void writeVocabAndMerges(Path folder) throws IOException {
        Files.createDirectories(folder);
        Files.writeString(folder.resolve("vocab.json"), JsonText.of(vocab()), StandardCharsets.UTF_8);
        Files.writeString(folder.resolve("merges.txt"), "#version: 0.2\n" + String.join("\n", MERGES) + "\n",
                StandardCharsets.UTF_8);
    }

    public static void writeTokenizerJson(Path folder, boolean mergesAsPairs) throws IOException {
        Files.createDirectories(folder);
        List<Object> merges = new java.util.ArrayList<>();
        for (String m : MERGES) {
            merges.add(mergesAsPairs ? List.of(m.split(" ")[0], m.split(" ")[1]) : m);
        }
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("type", "BPE");
        model.put("vocab", vocab());
        model.put("merges", merges);
        Files.writeString(folder.resolve("tokenizer.json"), JsonText.of(Map.of("model", model)),
                StandardCharsets.UTF_8);
    }
}
