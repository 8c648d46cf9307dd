package io.atelier.tagger.model;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.io.InputStreamReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads {@code selected_tags.csv}: header {@code tag_id,name,category,count}, then row <i>i</i> = model output
 * <i>i</i> (reference/wd14-tagger.md §2). Every error names the file and the line.
 */
public final class TagVocabulary {

    public static final String FILE_NAME = "selected_tags.csv";

    private TagVocabulary() {
    }

    public static List<TagInfo> read(Path csv) throws IOException {
        List<TagInfo> tags = new ArrayList<>();
        // Strict UTF-8: a CSV in another encoding would silently give wrong tag names.
        var decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try (BufferedReader in = new BufferedReader(new InputStreamReader(Files.newInputStream(csv), decoder))) {
            String header = in.readLine();
            if (header == null) {
                throw new TaggerModelException(csv, "the file is empty (expected the header tag_id,name,category,count)");
            }
            Columns columns = Columns.of(csv, CsvLine.split(stripBom(header)));
            int lineNumber = 1;
            for (String line; (line = in.readLine()) != null; ) {
                lineNumber++;
                if (line.isBlank()) {
                    continue;
                }
                tags.add(columns.row(csv, lineNumber, CsvLine.split(line)));
            }
        } catch (NoSuchFileException e) {
            throw new TaggerModelException(csv, "missing: a tagger model folder needs " + FILE_NAME
                    + " beside model.onnx (download both from the model's Hugging Face page)", e);
        } catch (CharacterCodingException e) {
            throw new TaggerModelException(csv, "not UTF-8 text", e);
        }
        if (tags.isEmpty()) {
            throw new TaggerModelException(csv, "no tag rows after the header");
        }
        return List.copyOf(tags);
    }

    private static String stripBom(String line) {
        return line.startsWith("\uFEFF") ? line.substring(1) : line;
    }

    /** Where the needed columns are; the reference relies on their names, not their positions. */
    private record Columns(int name, int category, int count) {

        static Columns of(Path csv, List<String> header) throws TaggerModelException {
            List<String> names = header.stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).toList();
            int name = names.indexOf("name");
            int category = names.indexOf("category");
            if (name < 0 || category < 0) {
                throw new TaggerModelException(csv, "line 1: expected the header tag_id,name,category,count, found \""
                        + String.join(",", header) + "\"");
            }
            return new Columns(name, category, names.indexOf("count"));
        }

        TagInfo row(Path csv, int line, List<String> fields) throws TaggerModelException {
            int needed = Math.max(name, Math.max(category, count)) + 1;
            if (fields.size() < needed) {
                throw new TaggerModelException(csv, "line " + line + ": " + fields.size() + " columns, expected "
                        + needed);
            }
            String tag = fields.get(name).strip();
            if (tag.isEmpty()) {
                throw new TaggerModelException(csv, "line " + line + ": empty tag name");
            }
            long code = number(csv, line, "category", fields.get(category));
            long posts = count < 0 ? 0 : number(csv, line, "count", fields.get(count));
            return new TagInfo(tag, TagCategory.of((int) code), posts);
        }

        private static long number(Path csv, int line, String column, String value) throws TaggerModelException {
            try {
                return Long.parseLong(value.strip());
            } catch (NumberFormatException e) {
                throw new TaggerModelException(csv, "line " + line + ": " + column + " \"" + value
                        + "\" is not a whole number", e);
            }
        }
    }
}
