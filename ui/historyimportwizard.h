#pragma once

#include "domain/person.h"
#include "domain/rotation.h"
#include "services/historyimport.h"

#include <QWizard>

class QComboBox;
class QLabel;
class QLineEdit;
class QTableWidget;

namespace Tandem {

class Database;

/// File ▸ Import On-Call History…: past on-call of another tool's calendar export into one seat of
/// a rotation, in three steps: the rotation, the seat and the file; a preview of every event (who
/// it names, how that person was found, what the import does with it) with the names that match
/// nobody or several people, each resolvable by choosing the person; then the import, as one
/// transaction (HistoryImportService). The caller puts applied() on the undo stack.
class HistoryImportWizard final : public QWizard
{
    Q_OBJECT

public:
    enum PageId { SourcePageId, PreviewPageId };

    HistoryImportWizard(Database &db, const QString &fileName = {}, QWidget *parent = nullptr);

    /// What the import wrote (after the wizard was accepted).
    const AppliedPlan &applied() const { return m_applied; }
    /// The rotation's name and the seat, for the undo step's text.
    QString rotationName() const;
    /// The preview shown (tests; the last one computed).
    const HistoryPreview &preview() const { return m_preview; }

protected:
    bool validateCurrentPage() override;
    void initializePage(int id) override;

private:
    void refreshPreview();
    void fillPreviewTable();
    void fillResolveTable();
    bool sourceComplete() const;

    Database &m_db;
    QList<Rotation> m_rotations;
    QList<Person> m_people;
    HistoryImportService::Choices m_choices;
    HistoryPreview m_preview;
    bool m_previewOk = false;
    AppliedPlan m_applied;

    QComboBox *m_rotationCombo = nullptr;
    QComboBox *m_seatCombo = nullptr;
    QLineEdit *m_fileEdit = nullptr;
    QLabel *m_summary = nullptr;
    QTableWidget *m_previewTable = nullptr;
    QTableWidget *m_resolveTable = nullptr;
    QLabel *m_resolveLabel = nullptr;
};

} // namespace Tandem
