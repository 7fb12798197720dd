#pragma once

#include "domain/result.h"

#include <QObject>
#include <QUndoStack>

#include <memory>

namespace Tandem {

class Database;
class PlanEditor;
class PlanService;
class RosterEditor;
class RosterModel;
class RosterService;
class RotationEditor;
class RotationService;
class ShiftEditor;
class ShiftService;
class SyncController;

/// One open database with everything the window needs on it: services, the undo stack and
/// the item models. Opening another database replaces the whole workspace.
class Workspace final : public QObject
{
    Q_OBJECT

public:
    ~Workspace() override;

    /// Opens `path`; with `demo`, fills an empty database with the demo team first.
    static Result<std::unique_ptr<Workspace>> open(const QString &path, bool demo = false);

    Database &database() { return *m_db; }
    RosterService &roster() { return *m_roster; }
    RosterEditor &editor() { return *m_editor; }
    RotationService &rotations() { return *m_rotations; }
    RotationEditor &rotationEditor() { return *m_rotationEditor; }
    PlanService &plans() { return *m_plans; }
    PlanEditor &planEditor() { return *m_planEditor; }
    RosterModel &rosterModel() { return *m_rosterModel; }
    ShiftService &shifts() { return *m_shifts; }
    ShiftEditor &shiftEditor() { return *m_shiftEditor; }
    QUndoStack &undoStack() { return m_undoStack; }
    /// CalDAV sharing of this database's teams (in the background, on its own connection).
    SyncController &sync() { return *m_sync; }
    bool isDemo() const { return m_demo; }

private:
    explicit Workspace(std::unique_ptr<Database> db, bool demo);

    std::unique_ptr<Database> m_db;
    std::unique_ptr<RosterService> m_roster;
    std::unique_ptr<RotationService> m_rotations;
    std::unique_ptr<PlanService> m_plans;
    std::unique_ptr<ShiftService> m_shifts;
    QUndoStack m_undoStack;
    RosterEditor *m_editor = nullptr;           // child
    RotationEditor *m_rotationEditor = nullptr; // child
    PlanEditor *m_planEditor = nullptr;         // child
    ShiftEditor *m_shiftEditor = nullptr;       // child
    RosterModel *m_rosterModel = nullptr;       // child
    SyncController *m_sync = nullptr;           // child
    bool m_demo = false;
};

} // namespace Tandem
