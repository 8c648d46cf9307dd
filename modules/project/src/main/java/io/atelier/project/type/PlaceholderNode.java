package io.atelier.project.type;

import java.awt.Image;
import javax.swing.Action;
import org.openide.nodes.AbstractNode;
import org.openide.nodes.Children;
import org.openide.util.ImageUtilities;

/** A leaf that states something instead of listing things: an empty state or a problem. */
final class PlaceholderNode extends AbstractNode {

    private static final String ERROR_BADGE = "org/netbeans/modules/project/ui/resources/errorBadge.gif";
    private static final Image BLANK = new java.awt.image.BufferedImage(16, 16, java.awt.image.BufferedImage.TYPE_INT_ARGB);
    private final boolean problem;

    private PlaceholderNode(String text, boolean problem) {
        super(Children.LEAF);
        this.problem = problem;
        setName(text);
        setDisplayName(text);
        setShortDescription(text);
    }

    static PlaceholderNode empty(String text) {
        return new PlaceholderNode(text, false);
    }

    static PlaceholderNode problem(String text) {
        return new PlaceholderNode(text, true);
    }

    @Override
    public String getHtmlDisplayName() {
        String color = problem ? "!nb.errorForeground" : "!controlShadow";
        return "<font color='" + color + "'><i>" + ProjectRootNode.escape(getDisplayName()) + "</i></font>";
    }

    @Override
    public Image getIcon(int type) {
        return problem ? errorBadge() : BLANK;
    }

    @Override
    public Action[] getActions(boolean context) {
        return new Action[0];
    }

    static Image errorBadge() {
        Image badge = ImageUtilities.loadImage(ERROR_BADGE);
        return badge != null ? badge : ImageUtilities.loadImage("io/atelier/project/resources/error.png");
    }
}
