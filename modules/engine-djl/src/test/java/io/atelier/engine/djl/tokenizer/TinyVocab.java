package io.atelier.engine.djl.tokenizer;

import com.fasterxml.jackson.databind.ObjectMapper;
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

    static final List<String> SYMBOLS = List.of("a", "d", "e", "h", "l", "o", "r", "w", ",", "1", "2", "Ġ");
    /** By rank. "l l" before "h e" before "he ll": the hand-checked sequence in the test. */
    static final List<String> MERGES = List.of("l l", "h e", "he ll", "hell o</w>", "w o", "wo r", "wor l", "worl d</w>",
            "r e", "re d</w>");

    static Map<String, Integer> vocab() {
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
        vocab.put(ClipTokenizer.START_OF_TEXT, vocab.size());
        vocab.put(ClipTokenizer.END_OF_TEXT, vocab.size());
        return vocab;
    }

    public static void writeVocabAndMerges(Path folder) throws IOException {
        Files.createDirectories(folder);
        new ObjectMapper().writeValue(folder.resolve("vocab.json").toFile(), vocab());
        Files.writeString(folder.resolve("merges.txt"), "#version: 0.2\n" + String.join("\n", MERGES) + "\n",
                StandardCharsets.UTF_8);
    }

    static void writeTokenizerJson(Path folder, boolean mergesAsPairs) throws IOException {
        Files.createDirectories(folder);
        var json = new ObjectMapper();
        var root = json.createObjectNode();
        var model = root.putObject("model");
        model.put("type", "BPE");
        model.set("vocab", json.valueToTree(vocab()));
        var merges = model.putArray("merges");
        for (String m : MERGES) {
            if (mergesAsPairs) {
                merges.addArray().add(m.split(" ")[0]).add(m.split(" ")[1]);
            } else {
                merges.add(m);
            }
        }
        json.writeValue(folder.resolve("tokenizer.json").toFile(), root);
    }
}
