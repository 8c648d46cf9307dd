package io.atelier.dataset.ui;

import io.atelier.dataset.ui.report.ImageFilter;
import java.awt.Dimension;
import javax.swing.JButton;
import javax.swing.JComboBox;
import javax.swing.JLabel;
import javax.swing.JSlider;
import javax.swing.JToggleButton;
import javax.swing.JToolBar;
import org.openide.util.NbBundle.Messages;

/**
 * The Dataset window's two toolbars: the actions that change the dataset across the top, and above the grid what it
 * shows (the finding filter, the bucket overlay, the cell size).
 */
@Messages({
    "BTN_Import=Import\u2026",
    "HINT_Import=Import images, folders or zip archives (or drop them on this window)",
    "BTN_Prepare=Prepare\u2026",
    "HINT_Prepare=Resize every image to one long side and rename them 01, 02, \u2026",
    "BTN_UndoPrepare=Undo Prepare",
    "HINT_UndoPrepare=Bring back the originals of the last Prepare",
    "BTN_Check=Check Quality",
    "HINT_Check=Report resolution, blur, JPEG compression, duplicates, near-duplicates and captions",
    "BTN_Trash=Move to Trash",
    "HINT_Trash=Move the selected images and their captions to the project's .trash/ (Delete)",
    "BTN_Restore=Restore from Trash\u2026",
    "HINT_Restore=Put back images from the project's .trash/",
    "BTN_Refresh=Refresh",
    "HINT_Refresh=Read the dataset folder again (changes made in other programs also show when you come back)",
    "LBL_Show=Show:",
    "BTN_Buckets=Buckets",
    "HINT_Buckets=Draw each image's sd-scripts bucket and crop on its thumbnail",
    "HINT_Size=Thumbnail size"
})
final class DatasetToolbar {

    static final int MIN_SIDE = 96;
    static final int MAX_SIDE = 256;
    static final int DEFAULT_SIDE = 120;

    /** What the toolbar's controls do; the window implements it. */
    interface Commands {
        void importImages();

        void prepare();

        void undoPrepare();

        void checkQuality();

        void trashSelection();

        void restoreFromTrash();

        void refresh();

        void filterChanged(ImageFilter filter);

        void overlayChanged(boolean on);

        void sideChanged(int px, boolean adjusting);
    }

    final JToolBar actions = new JToolBar();
    final JToolBar view = new JToolBar();
    final JButton prepare;
    final JButton undoPrepare;
    final JButton check;
    final JButton trash;
    final JComboBox<ImageFilter> filter = new JComboBox<>(ImageFilter.choices().toArray(ImageFilter[]::new));
    final JToggleButton overlay = new JToggleButton(Bundle.BTN_Buckets());
    final JSlider side = new JSlider(MIN_SIDE, MAX_SIDE, DEFAULT_SIDE);

    DatasetToolbar(Commands commands) {
        actions.setFloatable(false);
        actions.add(button(Bundle.BTN_Import(), Bundle.HINT_Import(), commands::importImages));
        prepare = button(Bundle.BTN_Prepare(), Bundle.HINT_Prepare(), commands::prepare);
        actions.add(prepare);
        undoPrepare = button(Bundle.BTN_UndoPrepare(), Bundle.HINT_UndoPrepare(), commands::undoPrepare);
        actions.add(undoPrepare);
        actions.addSeparator();
        check = button(Bundle.BTN_Check(), Bundle.HINT_Check(), commands::checkQuality);
        actions.add(check);
        actions.addSeparator();
        trash = button(Bundle.BTN_Trash(), Bundle.HINT_Trash(), commands::trashSelection);
        actions.add(trash);
        actions.add(button(Bundle.BTN_Restore(), Bundle.HINT_Restore(), commands::restoreFromTrash));
        actions.addSeparator();
        actions.add(button(Bundle.BTN_Refresh(), Bundle.HINT_Refresh(), commands::refresh));

        view.setFloatable(false);
        view.add(new JLabel(Bundle.LBL_Show() + " "));
        filter.setName("datasetFilter");
        filter.setMaximumSize(filter.getPreferredSize());
        filter.addActionListener(e -> commands.filterChanged((ImageFilter) filter.getSelectedItem()));
        view.add(filter);
        view.addSeparator();
        overlay.setName("bucketOverlay");
        overlay.setToolTipText(Bundle.HINT_Buckets());
        overlay.setFocusable(false);
        overlay.addActionListener(e -> commands.overlayChanged(overlay.isSelected()));
        view.add(overlay);
        view.addSeparator();
        side.setToolTipText(Bundle.HINT_Size());
        side.setFocusable(false);
        side.setPreferredSize(new Dimension(100, side.getPreferredSize().height));
        side.setMaximumSize(side.getPreferredSize());
        side.addChangeListener(e -> commands.sideChanged(side.getValue(), side.getValueIsAdjusting()));
        view.add(side);
    }

    private static JButton button(String text, String hint, Runnable action) {
        JButton b = new JButton(text);
        b.setToolTipText(hint);
        b.setFocusable(false);
        b.addActionListener(e -> action.run());
        return b;
    }
}
