package io.atelier.project.type;

import java.awt.Image;
import java.nio.file.Path;
import javax.swing.Action;
import org.openide.nodes.AbstractNode;
import org.openide.nodes.Children;

/**
 * One file or run folder in a project section. Deliberately without delete or rename actions: removing
 * dataset files goes through the dataset tools, which move them to {@code .trash/}.
 */
final class FileEntryNode extends AbstractNode {

    private final String iconKey;

    FileEntryNode(Path file, String iconKey) {
        super(Children.LEAF);
        this.iconKey = iconKey;
        setName(file.getFileName().toString());
        setShortDescription(file.toString());
    }

    @Override
    public Image getIcon(int type) {
        return SectionNode.sectionIcon(iconKey);
    }

    @Override
    public Action[] getActions(boolean context) {
        return new Action[0];
    }
}
