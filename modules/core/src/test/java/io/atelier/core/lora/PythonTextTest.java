package io.atelier.core.lora;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PythonTextTest {

    @ParameterizedTest(name = "str({0}) = {1}")
    @CsvSource({
        "0.0001, 0.0001",
        "0.00001, 1e-05",
        "0.000015, 1.5e-05",
        "16, 16.0",
        "1, 1.0",
        "0.1, 0.1",
        "0.03, 0.03",
        "5e-4, 0.0005",
        "1e15, 1000000000000000.0",
        "1e16, 1e+16",
        "123456789.125, 123456789.125",
        "0.3333333333333333, 0.3333333333333333",
        "1700000000.5, 1700000000.5",
        "-2.5, -2.5",
        "4.9e-324, 5e-324",
        "1.7976931348623157e308, 1.7976931348623157e+308",
    })
    void formatsFloatsAsPythonRepr(double value, String expected) {
        assertThat(PythonText.str(value)).isEqualTo(expected);
    }

    @Test
    void formatsOtherValuesAsPythonStr() {
        assertThat(PythonText.str(true)).isEqualTo("True");
        assertThat(PythonText.str(false)).isEqualTo("False");
        assertThat(PythonText.strOrNone((Integer) null)).isEqualTo("None");
        assertThat(PythonText.strOrNone(2)).isEqualTo("2");
        assertThat(PythonText.strOrNone(0.0)).isEqualTo("0.0");
        assertThat(PythonText.str(-0.0)).isEqualTo("-0.0");
    }

    @Test
    void dumpsJsonWithPythonSeparatorsAndAsciiEscapes() {
        Map<String, Object> tags = new LinkedHashMap<>();
        tags.put("1girl", 3);
        tags.put("café", 1);
        tags.put("\"quoted\"\n", 2);
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("img", tags);
        root.put("list", List.of(1.5, true, "x"));
        root.put("none", null);

        assertThat(PythonText.jsonDumps(root)).isEqualTo("{\"img\": {\"1girl\": 3, \"caf\\u00e9\": 1, "
                + "\"\\\"quoted\\\"\\n\": 2}, \"list\": [1.5, true, \"x\"], \"none\": null}");
        assertThat(PythonText.jsonDumps(Map.of("emoji", "😀"))).isEqualTo("{\"emoji\": \"\\ud83d\\ude00\"}");
    }
}
