#pragma once

#include "domain/result.h"

#include <QObject>
#include <QUndoStack>

#include <memory>

namespace Tandem {

class Database;
class RosterEditor;
class RosterModel;
class RosterService;

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
    RosterModel &rosterModel() { return *m_rosterModel; }
    QUndoStack &undoStack() { return m_undoStack; }
    bool isDemo() const { return m_demo; }

private:
    explicit Workspace(std::unique_ptr<Database> db, bool demo);

    std::unique_ptr<Database> m_db;
    std::unique_ptr<RosterService> m_roster;
    QUndoStack m_undoStack;
    RosterEditor *m_editor = nullptr; // child
    RosterModel *m_rosterModel = nullptr; // child
    bool m_demo = false;
};

} // namespace Tandem
