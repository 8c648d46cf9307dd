package io.atelier.core.params;

/** How a parameter's value is typed: its Java class and how it is parsed from text. */
public enum ParamType {
    /** {@link Integer}. */
    INT,
    /** {@link Double}. */
    FLOAT,
    /** {@link Boolean}. */
    BOOL,
    /** {@link String}, one line. */
    STRING,
    /** {@link String}, one of the parameter's choices. */
    CHOICE,
    /** {@link String}, several lines (sample prompts, optimizer arguments). */
    TEXT
}
