package io.atelier.core.params;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A value for every parameter of {@link Params}, each checked against its type and range. Immutable: {@link #with}
 * returns a changed copy. Parameters a configuration does not mention take their defaults, so a configuration saved
 * by an older version reads in a newer one.
 */
public final class TrainingConfig {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Map<String, Object> values;

    private TrainingConfig(Map<String, Object> values) {
        this.values = Collections.unmodifiableMap(values);
    }

    /** Every parameter at its default: the workflow's universal XL preset. */
    public static TrainingConfig defaults() {
        Map<String, Object> v = new LinkedHashMap<>();
        for (ParamDef p : Params.all()) {
            v.put(p.key(), p.defaultValue());
        }
        return new TrainingConfig(v);
    }

    /** The defaults with these values; every key must be known and every value valid. */
    public static TrainingConfig of(Map<String, ?> values) {
        TrainingConfig c = defaults();
        for (Map.Entry<String, ?> e : values.entrySet()) {
            c = c.with(e.getKey(), e.getValue());
        }
        return c;
    }

    /** A copy with {@code key} set; {@link IllegalArgumentException} naming the key on an unknown key or bad value. */
    public TrainingConfig with(String key, Object value) {
        ParamDef p = Params.require(key);
        Object v = p.coerce(value);
        if (v.equals(values.get(key))) {
            return this;
        }
        Map<String, Object> next = new LinkedHashMap<>(values);
        next.put(key, v);
        return new TrainingConfig(next);
    }

    public TrainingConfig with(ParamDef param, Object value) {
        return with(param.key(), value);
    }

    /** {@code KEY=VALUE} as a user types it. */
    public TrainingConfig withParsed(String key, String text) {
        return with(key, Params.require(key).parse(text));
    }

    public Object get(ParamDef param) {
        return values.get(param.key());
    }

    public int getInt(ParamDef param) {
        return (Integer) values.get(param.key());
    }

    public double getDouble(ParamDef param) {
        return (Double) values.get(param.key());
    }

    public boolean getBool(ParamDef param) {
        return (Boolean) values.get(param.key());
    }

    public String getString(ParamDef param) {
        return (String) values.get(param.key());
    }

    /** Every value by key, in catalogue order. */
    public Map<String, Object> values() {
        return values;
    }

    /** The parameters whose values differ from {@code other}'s: this is "before", {@code other} "after". */
    public List<ParamChange> diff(TrainingConfig other) {
        List<ParamChange> changes = new ArrayList<>();
        for (ParamDef p : Params.all()) {
            Object a = values.get(p.key());
            Object b = other.values.get(p.key());
            if (!Objects.equals(a, b)) {
                changes.add(new ParamChange(p, a, b));
            }
        }
        return changes;
    }

    /** The values as a JSON object, keys in catalogue order. */
    public String toJson() {
        try {
            return JSON.writeValueAsString(values);
        } catch (JacksonException e) {
            throw new IllegalStateException("cannot write a training configuration as JSON", e);
        }
    }

    /**
     * Reads {@link #toJson} output. Unknown keys (from a newer version) are kept out and named in the exception only
     * when {@code strict}; missing keys take their defaults.
     *
     * @throws IllegalArgumentException naming the key and the problem
     */
    public static TrainingConfig fromJson(String json, boolean strict) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("not a JSON object: " + e.getOriginalMessage(), e);
        }
        if (!(root instanceof ObjectNode object)) {
            throw new IllegalArgumentException("not a JSON object of parameters");
        }
        TrainingConfig c = defaults();
        for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (Params.byKey(e.getKey()).isEmpty()) {
                if (strict) {
                    throw new IllegalArgumentException("unknown parameter \"" + e.getKey() + "\"");
                }
                continue;
            }
            c = c.with(e.getKey(), value(e.getValue()));
        }
        return c;
    }

    private static Object value(JsonNode node) {
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isIntegralNumber()) {
            return node.intValue();
        }
        if (node.isNumber()) {
            return node.doubleValue();
        }
        if (node.isTextual()) {
            return node.textValue();
        }
        return node.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TrainingConfig c && c.values.equals(values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        return values.toString();
    }
}
