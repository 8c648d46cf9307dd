package io.atelier.engine.djl.tokenizer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Where the CLIP tokenizer's files are: {@code vocab.json} + {@code merges.txt}, or {@code tokenizer.json}. Found in
 * a folder the user chose, or in the Hugging Face hub cache where {@code openai/clip-vit-large-patch14} (or an SD 1.5
 * repository's {@code tokenizer/}) was downloaded by other tools.
 *
 * @param folder the folder holding them
 */
public record TokenizerFiles(Path folder) {

    static final List<String> HUB_REPOSITORIES = List.of(
            "models--openai--clip-vit-large-patch14",
            "models--stable-diffusion-v1-5--stable-diffusion-v1-5/tokenizer",
            "models--runwayml--stable-diffusion-v1-5/tokenizer");

    /** Whether {@code folder} holds a usable set of files. */
    public static boolean isTokenizerFolder(Path folder) {
        return Files.isRegularFile(folder.resolve("tokenizer.json"))
                || (Files.isRegularFile(folder.resolve("vocab.json")) && Files.isRegularFile(folder.resolve("merges.txt")));
    }

    /** The files in {@code folder} or its {@code tokenizer/} sub-folder (an SD 1.5 diffusers folder). */
    public static TokenizerFiles in(Path folder) throws TokenizerNotFoundException {
        for (Path candidate : List.of(folder, folder.resolve("tokenizer"))) {
            if (isTokenizerFolder(candidate)) {
                return new TokenizerFiles(candidate);
            }
        }
        throw new TokenizerNotFoundException("No CLIP tokenizer in " + folder + ": it needs vocab.json and merges.txt, "
                + "or tokenizer.json (the files of openai/clip-vit-large-patch14).");
    }

    /** Looks in the Hugging Face cache of this user (HF_HUB_CACHE, HUGGINGFACE_HUB_CACHE, HF_HOME, ~/.cache). */
    public static TokenizerFiles find() throws TokenizerNotFoundException {
        return find(System.getenv(), Path.of(System.getProperty("user.home")));
    }

    static TokenizerFiles find(Map<String, String> env, Path home) throws TokenizerNotFoundException {
        List<Path> looked = new ArrayList<>();
        for (Path hub : hubFolders(env, home)) {
            for (String repository : HUB_REPOSITORIES) {
                String[] parts = repository.split("/", 2);
                Path repo = hub.resolve(parts[0]);
                String sub = parts.length > 1 ? parts[1] : "";
                looked.add(sub.isEmpty() ? repo : repo.resolve("snapshots/*/" + sub));
                for (Path snapshot : snapshots(repo)) {
                    Path folder = sub.isEmpty() ? snapshot : snapshot.resolve(sub);
                    if (isTokenizerFolder(folder)) {
                        return new TokenizerFiles(folder);
                    }
                }
            }
        }
        StringBuilder message = new StringBuilder("No CLIP tokenizer (vocab.json + merges.txt, or tokenizer.json of "
                + "openai/clip-vit-large-patch14) found. Looked in:");
        looked.forEach(p -> message.append("\n  ").append(p));
        message.append("\nDownload openai/clip-vit-large-patch14 with the Hugging Face tools, or choose the folder "
                + "with its tokenizer files in the settings.");
        throw new TokenizerNotFoundException(message.toString());
    }

    /** The hub cache folders in the order huggingface_hub resolves them, each once. */
    static List<Path> hubFolders(Map<String, String> env, Path home) {
        Set<Path> folders = new LinkedHashSet<>();
        addIfSet(folders, env.get("HF_HUB_CACHE"), null);
        addIfSet(folders, env.get("HUGGINGFACE_HUB_CACHE"), null);
        addIfSet(folders, env.get("HF_HOME"), "hub");
        addIfSet(folders, env.get("XDG_CACHE_HOME"), "huggingface/hub");
        folders.add(home.resolve(".cache/huggingface/hub"));
        return List.copyOf(folders);
    }

    private static void addIfSet(Set<Path> folders, String value, String child) {
        if (value != null && !value.isBlank()) {
            Path base = Path.of(value.strip());
            folders.add(child == null ? base : base.resolve(child));
        }
    }

    /** The snapshot the {@code refs/main} file names first, then the others by name. */
    private static List<Path> snapshots(Path repo) {
        Path dir = repo.resolve("snapshots");
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<Path> result = new ArrayList<>();
        try {
            Path main = repo.resolve("refs/main");
            if (Files.isRegularFile(main)) {
                Path preferred = dir.resolve(Files.readString(main, StandardCharsets.UTF_8).strip());
                if (Files.isDirectory(preferred)) {
                    result.add(preferred);
                }
            }
            try (Stream<Path> s = Files.list(dir)) {
                s.filter(Files::isDirectory).sorted().filter(p -> !result.contains(p)).forEach(result::add);
            }
        } catch (IOException e) {
            // an unreadable cache folder is reported as not found, with the folder in the list of places looked in
            return result;
        }
        return result;
    }

    /** Loads the tokenizer, preferring {@code vocab.json} + {@code merges.txt} (the files the reference reads). */
    public ClipTokenizer load() throws IOException {
        Path vocab = folder.resolve("vocab.json");
        Path merges = folder.resolve("merges.txt");
        if (Files.isRegularFile(vocab) && Files.isRegularFile(merges)) {
            return ClipTokenizer.fromVocabAndMerges(vocab, merges);
        }
        return ClipTokenizer.fromTokenizerJson(folder.resolve("tokenizer.json"));
    }
}
