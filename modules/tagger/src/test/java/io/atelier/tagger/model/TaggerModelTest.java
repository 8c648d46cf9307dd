package io.atelier.tagger.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.atelier.tagger.fixture.Wd14TestModel;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TaggerModelTest {

    @TempDir
    Path tmp;

    static Wd14TestModel colours() {
        return Wd14TestModel.colours();
    }

    @Test
    void readsSignatureAndVocabularyFromAV2StyleModel() throws IOException {
        Path folder = colours().writeTo(tmp.resolve("wd-v1-4-moat-tagger-v2"));
        try (TaggerModel model = TaggerModel.load(folder)) {
            assertThat(model.name()).isEqualTo("wd-v1-4-moat-tagger-v2");
            assertThat(model.inputName()).isEqualTo("input_1:0");
            assertThat(model.outputName()).isEqualTo("predictions_sigmoid");
            assertThat(model.inputSize()).isEqualTo(8);
            assertThat(model.dynamicBatch()).isTrue();
            assertThat(model.batchSize()).isGreaterThan(1);
            assertThat(model.provider()).startsWith("CPU");
            assertThat(model.vocabulary()).hasSize(8);
            assertThat(model.vocabulary().get(0)).isEqualTo(new TagInfo("general", TagCategory.RATING, 800));
            assertThat(model.vocabulary().get(7).category()).isEqualTo(TagCategory.CHARACTER);
        }
    }

    @Test
    void v3StyleNamesAndOtherInputSizesAreReadNotAssumed() throws IOException {
        Path folder = colours().size(12).names("input", "output").writeTo(tmp.resolve("wd-vit-tagger-v3"));
        try (TaggerModel model = TaggerModel.load(folder)) {
            assertThat(model.inputName()).isEqualTo("input");
            assertThat(model.outputName()).isEqualTo("output");
            assertThat(model.inputSize()).isEqualTo(12);
        }
    }

    @Test
    void fixedAndDynamicBatchGiveTheSameProbabilitiesAsTheGraph() throws IOException {
        Wd14TestModel spec = colours();
        List<float[]> tensors = new ArrayList<>();
        Random rnd = new Random(3);
        for (int i = 0; i < 5; i++) {
            float[] t = new float[8 * 8 * 3];
            for (int j = 0; j < t.length; j++) {
                t[j] = rnd.nextInt(256);
            }
            tensors.add(t);
        }
        try (TaggerModel dynamic = TaggerModel.load(spec.writeTo(tmp.resolve("dynamic")));
             TaggerModel fixed = TaggerModel.load(spec.dynamicBatch(false).writeTo(tmp.resolve("fixed")))) {
            assertThat(fixed.dynamicBatch()).isFalse();
            assertThat(fixed.batchSize()).isEqualTo(1);
            float[][] a = dynamic.predict(tensors);
            float[][] b = fixed.predict(tensors); // run one at a time: a [1,S,S,3] model refuses a batch of 5
            for (int i = 0; i < tensors.size(); i++) {
                double[] expected = spec.expected(tensors.get(i));
                for (int j = 0; j < expected.length; j++) {
                    assertThat((double) a[i][j]).isCloseTo(expected[j], within(1e-5));
                    assertThat(b[i][j]).isCloseTo(a[i][j], within(1e-6f));
                }
            }
        }
    }

    @Test
    void aMissingCsvIsNamed() throws IOException {
        Path folder = colours().writeTo(tmp.resolve("m"));
        Files.delete(folder.resolve("selected_tags.csv"));
        assertThatThrownBy(() -> TaggerModel.load(folder))
                .isInstanceOf(TaggerModelException.class)
                .hasMessageStartingWith(folder.resolve("selected_tags.csv").toString())
                .hasMessageContaining("missing");
    }

    @Test
    void aMissingModelFileIsNamed() throws IOException {
        Path folder = colours().writeTo(tmp.resolve("m"));
        Files.delete(folder.resolve("model.onnx"));
        assertThatThrownBy(() -> TaggerModel.load(folder))
                .hasMessageStartingWith(folder.resolve("model.onnx").toString())
                .hasMessageContaining("missing");
        assertThatThrownBy(() -> TaggerModel.load(tmp.resolve("nowhere")))
                .hasMessageContaining("not a folder");
    }

    @Test
    void aCsvOfAnotherModelIsRefused() throws IOException {
        Path folder = colours().writeTo(tmp.resolve("m"));
        Files.writeString(folder.resolve("selected_tags.csv"), "tag_id,name,category,count\n1,solo,0,5\n2,smile,0,4\n");
        assertThatThrownBy(() -> TaggerModel.load(folder))
                .isInstanceOf(TaggerModelException.class)
                .hasMessageStartingWith(folder.resolve("model.onnx").toString())
                .hasMessageContaining("has 8 tags, but selected_tags.csv lists 2");
    }

    @Test
    void aFileThatIsNotOnnxIsRefused() throws IOException {
        Path folder = colours().writeTo(tmp.resolve("m"));
        Files.writeString(folder.resolve("model.onnx"), "<html>404 Not Found</html>");
        assertThatThrownBy(() -> TaggerModel.load(folder))
                .isInstanceOf(TaggerModelException.class)
                .hasMessageStartingWith(folder.resolve("model.onnx").toString())
                .hasMessageContaining("not a usable ONNX model");
    }

    @Test
    void anNchwModelIsNotAWd14Tagger() throws IOException {
        Path folder = colours().nchw().writeTo(tmp.resolve("m"));
        assertThatThrownBy(() -> TaggerModel.load(folder))
                .hasMessageStartingWith(folder.resolve("model.onnx").toString())
                .hasMessageContaining("[-1, 3, 8, 8]")
                .hasMessageContaining("NHWC");
    }

    @Test
    void csvProblemsNameTheLine() throws IOException {
        Path folder = colours().writeTo(tmp.resolve("m"));
        Path csv = folder.resolve("selected_tags.csv");
        Files.writeString(csv, "id,tag\n1,solo\n");
        assertThatThrownBy(() -> TaggerModel.load(folder)).hasMessageStartingWith(csv.toString())
                .hasMessageContaining("line 1: expected the header tag_id,name,category,count");
        Files.writeString(csv, "tag_id,name,category,count\n1,solo,general,5\n");
        assertThatThrownBy(() -> TaggerModel.load(folder))
                .hasMessageContaining("line 2: category \"general\" is not a whole number");
        Files.writeString(csv, "tag_id,name,category,count\n");
        assertThatThrownBy(() -> TaggerModel.load(folder)).hasMessageContaining("no tag rows");
        Files.write(csv, new byte[]{'t', 'a', 'g', (byte) 0xff, '\n'});
        assertThatThrownBy(() -> TaggerModel.load(folder)).hasMessageContaining("not UTF-8");
    }

    @Test
    void quotedCsvFieldsAndABomAreRead() throws IOException {
        Path csv = tmp.resolve("selected_tags.csv");
        Files.writeString(csv, "\uFEFFtag_id,name,category,count\n1,\"tag, with comma\",0,5\n2,\"say \"\"hi\"\"\",3,1\n",
                StandardCharsets.UTF_8);
        assertThat(TagVocabulary.read(csv)).containsExactly(
                new TagInfo("tag, with comma", TagCategory.GENERAL, 5),
                new TagInfo("say \"hi\"", TagCategory.OTHER, 1));
    }

    @Test
    void aTensorOfTheWrongSizeIsAProgrammingError() throws IOException {
        try (TaggerModel model = TaggerModel.load(colours().writeTo(tmp.resolve("m")))) {
            assertThatThrownBy(() -> model.predict(List.of(new float[10])))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("8x8x3 = 192");
        }
    }
}
