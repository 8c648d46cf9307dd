package io.atelier.store;

import io.atelier.core.basemodel.BaseModel;

/**
 * A base model was added whose file, or whose content (SHA-256), is already registered. Carries the existing
 * entry so the caller can point the user at it.
 */
public class DuplicateBaseModelException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    private final transient BaseModel existing;

    DuplicateBaseModelException(String message, BaseModel existing) {
        super(message);
        this.existing = existing;
    }

    /** The entry already in the registry. */
    public BaseModel existing() {
        return existing;
    }
}
