package io.atelier.core.basemodel;

import java.util.Objects;

/**
 * The family a checkpoint was judged to be, and why, so a UI can show the reason beside a pre-filled choice the user
 * may correct (Pony and Illustrious are only guessed from names).
 *
 * @param family the proposed family
 * @param reason one sentence a user can read, naming the evidence
 */
public record FamilyDetection(BaseModelFamily family, String reason) {

    public FamilyDetection {
        Objects.requireNonNull(family, "family");
        Objects.requireNonNull(reason, "reason");
    }
}
