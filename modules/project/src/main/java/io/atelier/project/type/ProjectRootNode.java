package io.atelier.project.type;

import io.atelier.core.project.LoraProject;
import io.atelier.project.api.ProjectNodeExtensions;
import java.awt.Image;
import java.awt.datatransfer.Transferable;
import java.beans.PropertyChangeListener;
import java.util.ArrayList;
import java.util.List;
import javax.swing.Action;
import org.netbeans.spi.project.ui.support.CommonProjectActions;
import org.openide.nodes.AbstractNode;
import org.openide.nodes.Children;
import org.openide.nodes.Node;
import org.openide.util.ImageUtilities;
import org.openide.util.NbBundle.Messages;
import org.openide.util.Utilities;
import org.openide.util.WeakListeners;
import org.openide.util.datatransfer.PasteType;
import org.openide.util.lookup.Lookups;
import org.openide.xml.XMLUtil;

/** The top node of a LoRA project: name, trigger word and kind, with one child per workflow step. */
@Messages({
    "LBL_Dataset=Dataset",
    "LBL_Captions=Captions",
    "LBL_Configs=Configs",
    "LBL_Runs=Runs",
    "LBL_Gallery=Gallery",
    "EMPTY_Dataset=No images yet",
    "EMPTY_Captions=No captions yet",
    "EMPTY_Configs=No configs yet",
    "EMPTY_Runs=No runs yet",
    "EMPTY_Gallery=No epochs sampled yet",
    "# {0} - trigger word",
    "# {1} - kind",
    "# {2} - base model family",
    "TIP_Project=Trigger word: {0} · {1} LoRA · {2}"
})
final class ProjectRootNode extends AbstractNode {

    private final LoraProjectImpl project;
    private final PropertyChangeListener descriptorListener = e -> rebuild();

    ProjectRootNode(LoraProjectImpl project) {
        super(new Children.Array(), Lookups.singleton(project));
        this.project = project;
        setIconBaseWithExtension(LoraProjectFactory.ICON);
        rebuild();
        // weak: the project outlives every view of it that the Projects window makes and drops
        project.addPropertyChangeListener(WeakListeners.propertyChange(descriptorListener, project));
    }

    private void rebuild() {
        Children.Array children = (Children.Array) getChildren();
        children.remove(children.getNodes());
        List<Node> nodes = new ArrayList<>();
        project.problem().ifPresent(p -> nodes.add(PlaceholderNode.problem(p)));
        nodes.add(FolderSectionNode.dataset(project, Bundle.LBL_Dataset(), Bundle.EMPTY_Dataset()));
        nodes.add(FolderSectionNode.captions(project, Bundle.LBL_Captions(), Bundle.EMPTY_Captions()));
        nodes.add(SectionNode.empty(Bundle.LBL_Configs(), Bundle.EMPTY_Configs(), "configs"));
        nodes.add(FolderSectionNode.runs(project, Bundle.LBL_Runs(), Bundle.EMPTY_Runs()));
        nodes.add(SectionNode.empty(Bundle.LBL_Gallery(), Bundle.EMPTY_Gallery(), "gallery"));
        children.add(nodes.toArray(Node[]::new));
        setDisplayName(project.displayName());
        setShortDescription(project.descriptor()
                .map(d -> Bundle.TIP_Project(d.triggerWord(), d.kind().displayName(), d.baseModelFamily()))
                .orElse(project.problem().orElse("")));
        fireIconChange();
    }

    @Override
    public String getHtmlDisplayName() {
        String name = escape(project.displayName());
        return project.descriptor()
                .map(LoraProject::triggerWord)
                .map(t -> name + " <font color='!controlShadow'>" + escape(t) + "</font>")
                .orElse("<font color='!nb.errorForeground'>" + name + "</font>");
    }

    @Override
    public Image getIcon(int type) {
        Image icon = super.getIcon(type);
        return project.problem().isPresent()
                ? ImageUtilities.mergeImages(icon, PlaceholderNode.errorBadge(), 0, 8)
                : icon;
    }

    @Override
    public Image getOpenedIcon(int type) {
        return getIcon(type);
    }

    /** What other modules register for LoRA projects, then Close. */
    @Override
    public Action[] getActions(boolean context) {
        List<Action> actions = new ArrayList<>(Utilities.actionsForPath(ProjectNodeExtensions.PROJECT_ACTIONS));
        if (!actions.isEmpty()) {
            actions.add(null);
        }
        actions.add(CommonProjectActions.closeProjectAction());
        return actions.toArray(Action[]::new);
    }

    /** Files dropped on the project go into its dataset. */
    @Override
    public PasteType getDropType(Transferable t, int action, int index) {
        return ImageDrops.pasteType(project, t);
    }

    static String escape(String s) {
        try {
            return XMLUtil.toElementContent(s);
        } catch (java.io.CharConversionException e) {
            return s.replaceAll("[^\\p{Print}]", "?");
        }
    }
}
