package io.atelier.engine.djl.tokenizer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * CLIP's byte-level BPE as {@code openai/clip-vit-large-patch14} tokenizes: text NFC-normalised, runs of whitespace
 * made one space, lower-cased (the fast tokenizer's normaliser); split by CLIP's pattern (special tokens, English
 * contractions, letter runs, single digits, runs of other non-space characters); each piece's UTF-8 bytes mapped to
 * unicode, {@code </w>} appended to its last symbol, and merged by rank, lowest first. A piece not in the vocabulary
 * becomes {@code <|endoftext|>}, CLIP's unknown token.
 *
 * <p>SD 1.5 prompts are {@link #CONTEXT_LENGTH} ids: BOS, at most 75 tokens, EOS, padded with EOS as SD 1.5
 * pipelines do.
 */
public final class ClipTokenizer {

    public static final int CONTEXT_LENGTH = 77;
    public static final String START_OF_TEXT = "<|startoftext|>";
    public static final String END_OF_TEXT = "<|endoftext|>";
    static final String WORD_END = "</w>";

    private static final Pattern WHITESPACE = Pattern.compile("\\s+", Pattern.UNICODE_CHARACTER_CLASS);
    private static final Pattern PIECES = Pattern.compile(
            "<\\|startoftext\\|>|<\\|endoftext\\|>|'s|'t|'re|'ve|'m|'ll|'d|[\\p{L}]+|[\\p{N}]|[^\\s\\p{L}\\p{N}]+",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.UNICODE_CHARACTER_CLASS);

    private final Map<String, Integer> vocab;
    private final Map<String, Integer> mergeRanks;
    private final int bos;
    private final int eos;
    private final Map<String, List<String>> cache = new ConcurrentHashMap<>();

    ClipTokenizer(Map<String, Integer> vocab, List<String> merges, String source) throws IOException {
        this.vocab = Map.copyOf(vocab);
        Map<String, Integer> ranks = new HashMap<>();
        for (String merge : merges) {
            ranks.putIfAbsent(merge, ranks.size());
        }
        this.mergeRanks = ranks;
        Integer start = vocab.get(START_OF_TEXT);
        Integer end = vocab.get(END_OF_TEXT);
        if (start == null || end == null) {
            throw new IOException(source + ": the vocabulary has no " + (start == null ? START_OF_TEXT : END_OF_TEXT)
                    + " token; it is not a CLIP tokenizer");
        }
        this.bos = start;
        this.eos = end;
    }

    /** Loads {@code vocab.json} (token → id) and {@code merges.txt} (one {@code "a b"} pair per line, by rank). */
    public static ClipTokenizer fromVocabAndMerges(Path vocabJson, Path mergesTxt) throws IOException {
        JsonNode vocabNode = readJson(vocabJson);
        List<String> merges = new ArrayList<>();
        for (String line : Files.readAllLines(mergesTxt, StandardCharsets.UTF_8)) {
            if (line.startsWith("#version") || line.isBlank()) {
                continue;
            }
            merges.add(mergeKey(line.strip().split(" "), mergesTxt));
        }
        return new ClipTokenizer(vocabMap(vocabNode, vocabJson), merges, vocabJson.toString());
    }

    /** Loads a Hugging Face {@code tokenizer.json} with a BPE model (merges as {@code "a b"} strings or pairs). */
    public static ClipTokenizer fromTokenizerJson(Path tokenizerJson) throws IOException {
        JsonNode root = readJson(tokenizerJson);
        JsonNode model = root.path("model");
        if (!"BPE".equals(model.path("type").asText("BPE")) || !model.path("vocab").isObject()
                || !model.path("merges").isArray()) {
            throw new IOException(tokenizerJson + ": not a BPE tokenizer (model.vocab and model.merges expected)");
        }
        List<String> merges = new ArrayList<>();
        for (JsonNode m : model.get("merges")) {
            if (m.isTextual()) {
                merges.add(mergeKey(m.asText().split(" "), tokenizerJson));
            } else if (m.isArray() && m.size() == 2) {
                merges.add(mergeKey(new String[]{m.get(0).asText(), m.get(1).asText()}, tokenizerJson));
            } else {
                throw new IOException(tokenizerJson + ": merge " + m + " is not a pair");
            }
        }
        return new ClipTokenizer(vocabMap(model.get("vocab"), tokenizerJson), merges, tokenizerJson.toString());
    }

    private static JsonNode readJson(Path file) throws IOException {
        try {
            return new ObjectMapper().readTree(file.toFile());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IOException(file + ": not valid JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static Map<String, Integer> vocabMap(JsonNode node, Path file) throws IOException {
        if (!node.isObject()) {
            throw new IOException(file + ": the vocabulary is not a JSON object of token → id");
        }
        Map<String, Integer> vocab = new HashMap<>();
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            if (!e.getValue().canConvertToInt()) {
                throw new IOException(file + ": token '" + e.getKey() + "' has id " + e.getValue()
                        + ", not an integer");
            }
            vocab.put(e.getKey(), e.getValue().intValue());
        }
        return vocab;
    }

    private static String mergeKey(String[] pair, Path file) throws IOException {
        if (pair.length != 2) {
            throw new IOException(file + ": merge '" + String.join(" ", pair) + "' is not two symbols");
        }
        return pair[0] + " " + pair[1];
    }

    /** The BPE tokens of {@code text}, without BOS/EOS. */
    public List<String> tokenize(String text) {
        List<String> tokens = new ArrayList<>();
        Matcher m = PIECES.matcher(normalize(text));
        while (m.find()) {
            String piece = m.group();
            if (piece.equals(START_OF_TEXT) || piece.equals(END_OF_TEXT)) {
                tokens.add(piece);
                continue;
            }
            tokens.addAll(cache.computeIfAbsent(ByteUnicode.encode(piece.getBytes(StandardCharsets.UTF_8)), this::bpe));
        }
        return tokens;
    }

    /** The ids of {@code text}, without BOS/EOS and untruncated; unknown pieces become EOS (CLIP's unknown). */
    public int[] encode(String text) {
        return tokenize(text).stream().mapToInt(t -> vocab.getOrDefault(t, eos)).toArray();
    }

    /** The 77 ids SD 1.5 feeds its text encoder: BOS, the first 75 tokens, EOS, then EOS padding. */
    public int[] encodeForSd(String text) {
        int[] ids = encode(text);
        int kept = Math.min(ids.length, CONTEXT_LENGTH - 2);
        int[] out = new int[CONTEXT_LENGTH];
        Arrays.fill(out, eos);
        out[0] = bos;
        System.arraycopy(ids, 0, out, 1, kept);
        return out;
    }

    /** How many tokens {@code text} has beyond the 75 a prompt can hold (they are dropped). */
    public int overflow(String text) {
        return Math.max(0, encode(text).length - (CONTEXT_LENGTH - 2));
    }

    static String normalize(String text) {
        String nfc = Normalizer.normalize(text, Normalizer.Form.NFC);
        return WHITESPACE.matcher(nfc).replaceAll(" ").strip().toLowerCase(Locale.ROOT);
    }

    /** Byte-pair merging of one piece (already byte-to-unicode encoded): the lowest-ranked adjacent pair first. */
    List<String> bpe(String piece) {
        List<String> word = new ArrayList<>();
        int[] codePoints = piece.codePoints().toArray();
        for (int i = 0; i < codePoints.length; i++) {
            String symbol = new String(codePoints, i, 1);
            word.add(i == codePoints.length - 1 ? symbol + WORD_END : symbol);
        }
        while (word.size() > 1) {
            int bestRank = Integer.MAX_VALUE;
            String bestFirst = null;
            String bestSecond = null;
            for (int i = 0; i < word.size() - 1; i++) {
                Integer rank = mergeRanks.get(word.get(i) + " " + word.get(i + 1));
                if (rank != null && rank < bestRank) {
                    bestRank = rank;
                    bestFirst = word.get(i);
                    bestSecond = word.get(i + 1);
                }
            }
            if (bestFirst == null) {
                break;
            }
            // merge every occurrence of the pair, left to right, as CLIP's bpe() does
            List<String> merged = new ArrayList<>(word.size());
            int i = 0;
            while (i < word.size()) {
                if (i < word.size() - 1 && word.get(i).equals(bestFirst) && word.get(i + 1).equals(bestSecond)) {
                    merged.add(bestFirst + bestSecond);
                    i += 2;
                } else {
                    merged.add(word.get(i));
                    i++;
                }
            }
            word = merged;
        }
        return List.copyOf(word);
    }

    public int bos() {
        return bos;
    }

    public int eos() {
        return eos;
    }

    public int vocabularySize() {
        return vocab.size();
    }

    /** The id of a token, or -1. */
    public int id(String token) {
        return vocab.getOrDefault(token, -1);
    }
}
