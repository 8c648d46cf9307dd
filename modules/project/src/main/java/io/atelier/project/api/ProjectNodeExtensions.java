package io.atelier.project.api;

/**
 * Layer folders whose actions a LoRA project's nodes in the Projects window show. Actions registered there get the
 * {@link org.netbeans.api.project.Project} in their context; the first action of a folder is the node's default
 * action (double-click, Enter).
 */
public final class ProjectNodeExtensions {

    /** Actions of the project's root node, shown above Close. */
    public static final String PROJECT_ACTIONS = "Projects/io-atelier-lora/Actions";

    /** Actions of the project's Dataset node. */
    public static final String DATASET_ACTIONS = "Projects/io-atelier-lora/Dataset/Actions";

    /** Actions of the project's Captions node. */
    public static final String CAPTIONS_ACTIONS = "Projects/io-atelier-lora/Captions/Actions";

    private ProjectNodeExtensions() {
    }
}
