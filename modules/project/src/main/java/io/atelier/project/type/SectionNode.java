package io.atelier.project.type;

import java.awt.Image;
import javax.swing.Action;
import org.openide.nodes.AbstractNode;
import org.openide.nodes.Children;
import org.openide.util.ImageUtilities;
import org.openide.util.Lookup;

/**
 * A workflow step of a project (Dataset, Captions, Configs, Runs, Gallery): its icon, no actions of its own.
 * {@link #empty} makes one that has nothing to list yet and shows its empty state as its only child.
 */
class SectionNode extends AbstractNode {

    private final String iconKey;

    SectionNode(Children children, String name, String iconKey) {
        this(children, Lookup.EMPTY, name, iconKey);
    }

    SectionNode(Children children, Lookup lookup, String name, String iconKey) {
        super(children, lookup);
        this.iconKey = iconKey;
        setName(name);
        setDisplayName(name);
    }

    static SectionNode empty(String name, String emptyText, String iconKey) {
        Children.Array children = new Children.Array();
        children.add(new org.openide.nodes.Node[]{PlaceholderNode.empty(emptyText)});
        return new SectionNode(children, name, iconKey);
    }

    static Image sectionIcon(String iconKey) {
        return ImageUtilities.loadImage("io/atelier/project/resources/" + iconKey + ".png");
    }

    @Override
    public Image getIcon(int type) {
        return sectionIcon(iconKey);
    }

    @Override
    public Image getOpenedIcon(int type) {
        return getIcon(type);
    }

    @Override
    public Action[] getActions(boolean context) {
        return new Action[0];
    }
}
