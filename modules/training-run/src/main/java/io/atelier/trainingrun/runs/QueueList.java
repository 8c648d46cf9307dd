package io.atelier.trainingrun.runs;

import java.awt.Component;
import java.awt.datatransfer.DataFlavor;
import java.awt.datatransfer.StringSelection;
import java.awt.datatransfer.Transferable;
import java.awt.datatransfer.UnsupportedFlavorException;
import java.io.IOException;
import java.util.List;
import java.util.UUID;
import java.util.function.BiConsumer;
import javax.swing.DefaultListCellRenderer;
import javax.swing.DefaultListModel;
import javax.swing.DropMode;
import javax.swing.JComponent;
import javax.swing.JList;
import javax.swing.ListSelectionModel;
import javax.swing.TransferHandler;

/**
 * The queue, next run first; drag a run to another place to reorder. The move is handed to {@code onMove} (run, new
 * index counted in the queue without the run itself), which asks the runner; the list shows the store's order on the
 * next refresh. Event thread.
 */
public final class QueueList extends JList<RunRow> {

    private final DefaultListModel<RunRow> model = new DefaultListModel<>();

    public QueueList(BiConsumer<UUID, Integer> onMove) {
        setModel(model);
        setName("runQueue");
        setSelectionMode(ListSelectionModel.SINGLE_SELECTION);
        setDragEnabled(true);
        setDropMode(DropMode.INSERT);
        setTransferHandler(new Reorder(onMove));
        setCellRenderer(new DefaultListCellRenderer() {
            @Override
            public Component getListCellRendererComponent(JList<?> list, Object value, int index,
                    boolean selected, boolean focus) {
                RunRow r = (RunRow) value;
                String text = (index + 1) + ". " + r.project() + " \u2014 " + r.baseModel()
                        + (r.run().resume() ? " (resume)" : "") + (r.folderMissing() ? " \u2014 folder missing" : "");
                return super.getListCellRendererComponent(list, text, index, selected, focus);
            }
        });
    }

    /** Shows the queue, keeping the selected run selected. */
    public void setQueue(List<RunRow> queue) {
        RunRow selected = getSelectedValue();
        boolean same = model.size() == queue.size();
        for (int i = 0; same && i < queue.size(); i++) {
            same = model.get(i).equals(queue.get(i));
        }
        if (same) {
            return;
        }
        model.clear();
        queue.forEach(model::addElement);
        if (selected != null) {
            for (int i = 0; i < model.size(); i++) {
                if (model.get(i).run().id().equals(selected.run().id())) {
                    setSelectedIndex(i);
                }
            }
        }
    }

    /** Where a run dragged from {@code from} and dropped at gap {@code gap} goes, once removed from its place. */
    static int targetIndex(int from, int gap) {
        return gap > from ? gap - 1 : gap;
    }

    private final class Reorder extends TransferHandler {
        private final BiConsumer<UUID, Integer> onMove;

        Reorder(BiConsumer<UUID, Integer> onMove) {
            this.onMove = onMove;
        }

        @Override
        public int getSourceActions(JComponent c) {
            return MOVE;
        }

        @Override
        protected Transferable createTransferable(JComponent c) {
            RunRow r = getSelectedValue();
            return r == null ? null : new StringSelection(r.run().id().toString());
        }

        @Override
        public boolean canImport(TransferSupport support) {
            return support.getComponent() == QueueList.this && support.isDrop()
                    && support.isDataFlavorSupported(DataFlavor.stringFlavor);
        }

        @Override
        public boolean importData(TransferSupport support) {
            if (!canImport(support)) {
                return false;
            }
            try {
                UUID id = UUID.fromString((String) support.getTransferable().getTransferData(DataFlavor.stringFlavor));
                int from = -1;
                for (int i = 0; i < model.size(); i++) {
                    if (model.get(i).run().id().equals(id)) {
                        from = i;
                    }
                }
                if (from < 0) {
                    return false;
                }
                int gap = ((JList.DropLocation) support.getDropLocation()).getIndex();
                int to = targetIndex(from, gap);
                if (to != from) {
                    onMove.accept(id, to);
                }
                return true;
            } catch (UnsupportedFlavorException | IOException | IllegalArgumentException e) {
                return false; // not one of our rows (text dragged in from elsewhere)
            }
        }
    }
}
