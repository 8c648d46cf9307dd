package io.atelier.imaging.report;

/** Dataset size against the workflow's advice (reference/workflow.md, section 1). */
public enum DatasetSize {
    TOO_FEW("too few images: a small specific subject needs 15–25"),
    SPECIFIC_SUBJECT("small specific subject: 15–25 images"),
    BETWEEN_SPECIFIC_AND_BALANCED("between a small specific subject (15–25) and balanced coverage (30–50)"),
    BALANCED("balanced coverage: 30–50 images"),
    BETWEEN_BALANCED_AND_BROAD("between balanced coverage (30–50) and a broad style or complex concept (60+)"),
    BROAD("broad style or complex concept: 60+ images");

    /** The workflow's reminder that quality beats quantity. */
    public static final String QUALITY_NOTE = "25 perfect images beat 100 random ones.";

    private final String advice;

    DatasetSize(String advice) {
        this.advice = advice;
    }

    public String advice() {
        return advice;
    }

    public static DatasetSize of(int images) {
        if (images < 15) {
            return TOO_FEW;
        } else if (images <= 25) {
            return SPECIFIC_SUBJECT;
        } else if (images < 30) {
            return BETWEEN_SPECIFIC_AND_BALANCED;
        } else if (images <= 50) {
            return BALANCED;
        } else if (images < 60) {
            return BETWEEN_BALANCED_AND_BROAD;
        }
        return BROAD;
    }
}
