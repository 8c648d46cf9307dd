package io.atelier.project.type;

import org.netbeans.spi.project.ui.LogicalViewProvider;
import org.openide.nodes.Node;

/** The Projects window's view of a LoRA project: Dataset, Captions, Configs, Runs, Gallery. */
final class LoraLogicalView implements LogicalViewProvider {

    private final LoraProjectImpl project;

    LoraLogicalView(LoraProjectImpl project) {
        this.project = project;
    }

    @Override
    public Node createLogicalView() {
        return new ProjectRootNode(project);
    }

    @Override
    public Node findPath(Node root, Object target) {
        return null;
    }
}
