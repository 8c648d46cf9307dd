package io.atelier.core.project;

/** What a LoRA teaches the base model. */
public enum LoraKind {
    STYLE, CHARACTER, CONCEPT
}
