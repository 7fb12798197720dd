#pragma once

#include "domain/ids.h"
#include "planner/planner.h"

#include <QDialog>

#include <memory>
#include <optional>

class QComboBox;
class QDateEdit;
class QDialogButtonBox;
class QLabel;
class QListWidget;
class QProgressBar;
class QPushButton;
class QTabWidget;
class QTableView;
class QThread;
class QTimer;
class QTreeWidget;

namespace Tandem {

class EmptyState;

class FairnessModel;
class PairMatrixModel;
class PlanPreviewModel;
class Workspace;

/// Plans rotations over a horizon: the lead picks rotations and dates, previews the plan (the
/// planner runs in a worker thread, with progress and Cancel), reads the shifts with what they
/// change, the fairness figures and the gaps, and applies the plan as one undoable step.
class PlanDialog final : public QDialog
{
    Q_OBJECT

public:
    explicit PlanDialog(Workspace &workspace, QWidget *parent = nullptr);
    ~PlanDialog() override;

    /// Checks exactly these rotations.
    void setSelectedRotations(const QList<RotationId> &rotations);
    QList<RotationId> selectedRotations() const;
    void setHorizon(QDate from, QDate to);
    /// What a re-plan of existing shifts puts first; remembered for the next dialog.
    void setReplan(Planner::PlanRequest::Replan replan);
    Planner::PlanRequest::Replan replan() const;

    /// Starts the preview in a worker thread; returns at once.
    void preview();
    /// Stops a running preview.
    void cancelPreview();
    bool isPreviewRunning() const { return m_thread != nullptr; }
    /// The plan on show; empty before a preview and after any setting change.
    const std::optional<Planner::PlanResult> &plan() const { return m_plan; }
    /// How many shifts the last Apply wrote.
    int appliedCount() const { return m_appliedCount; }

    PlanPreviewModel *previewModel() const { return m_previewModel; }
    FairnessModel *fairnessModel() const { return m_fairnessModel; }

    /// Writes the plan through the undo stack and closes; stays open with the message on failure.
    void accept() override;
    void reject() override;

private:
    struct Run;

    void invalidate();
    void finished();
    void setRunning(bool running);
    void updateProgress();
    void updateHorizonLabel();
    void showPlan();
    QString rotationNames() const;

    Workspace &m_workspace;
    std::optional<Planner::PlanResult> m_plan;
    Planner::PlanRequest m_request;
    std::shared_ptr<Run> m_run;
    QThread *m_thread = nullptr;
    int m_appliedCount = 0;

    QListWidget *m_rotations;
    QDateEdit *m_from;
    QDateEdit *m_to;
    QLabel *m_horizon;
    QComboBox *m_replan;
    QPushButton *m_previewButton;
    QProgressBar *m_progress;
    QPushButton *m_cancel;
    QTimer *m_progressTimer;
    QLabel *m_summary;
    QTabWidget *m_tabs;
    QTableView *m_shiftView;
    QTableView *m_fairnessView;
    QLabel *m_poolFigures;
    QTableView *m_pairView;
    QTreeWidget *m_gaps;
    EmptyState *m_gapsEmpty;
    QLabel *m_why; ///< the reasons of the selected shift, in full
    QDialogButtonBox *m_buttons;
    QPushButton *m_apply;
    PlanPreviewModel *m_previewModel;
    FairnessModel *m_fairnessModel;
    PairMatrixModel *m_pairModel;
};

} // namespace Tandem
