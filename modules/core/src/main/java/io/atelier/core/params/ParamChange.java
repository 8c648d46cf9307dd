package io.atelier.core.params;

/** One parameter that differs between two configurations: its value before and after. */
public record ParamChange(ParamDef param, Object before, Object after) {

    public String key() {
        return param.key();
    }
}
