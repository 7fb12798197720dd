#include "workspace.h"

#include "itemmodels/plancommands.h"
#include "itemmodels/rostercommands.h"
#include "itemmodels/rostermodel.h"
#include "itemmodels/rotationcommands.h"
#include "itemmodels/shiftcommands.h"
#include "services/demodata.h"
#include "services/identity.h"
#include "services/planservice.h"
#include "services/rosterservice.h"
#include "services/rotationservice.h"
#include "services/shiftservice.h"
#include "store/database.h"
#include "sync/synccontroller.h"

namespace Tandem {

Workspace::Workspace(std::unique_ptr<Database> db, bool demo)
    : m_db(std::move(db)), m_roster(std::make_unique<RosterService>(*m_db)),
      m_rotations(std::make_unique<RotationService>(*m_db)), m_plans(std::make_unique<PlanService>(*m_db)),
      m_shifts(std::make_unique<ShiftService>(*m_db)), m_demo(demo)
{
    // One undo stack for every editor: Ctrl+Z takes back the last edit, whatever it was.
    m_editor = new RosterEditor(*m_roster, &m_undoStack, this);
    m_rotationEditor = new RotationEditor(*m_rotations, &m_undoStack, this);
    m_planEditor = new PlanEditor(*m_plans, &m_undoStack, this);
    m_shiftEditor = new ShiftEditor(*m_shifts, &m_undoStack, this);
    m_rosterModel = new RosterModel(*m_db, *m_roster, this);
    m_rosterModel->setEditor(m_editor);
    m_sync = new SyncController(*m_db, this);
}

Workspace::~Workspace()
{
    // The sync announces on the database: it goes first (it waits for a running sync).
    delete m_sync;
    // Commands refer to the services: clear them before the services go.
    m_undoStack.clear();
    delete m_rosterModel;
    delete m_shiftEditor;
    delete m_planEditor;
    delete m_rotationEditor;
    delete m_editor;
}

Result<std::unique_ptr<Workspace>> Workspace::open(const QString &path, bool demo)
{
    auto db = Database::open(path);
    if (!db) {
        return db.error();
    }
    db.value()->setActor(defaultActor());
    if (demo) {
        auto people = RosterService(*db.value()).people();
        if (people && people->isEmpty()) {
            if (auto status = createDemoData(*db.value()); !status) {
                return status.error();
            }
        }
    }
    return std::unique_ptr<Workspace>(new Workspace(std::move(db).value(), demo));
}

} // namespace Tandem
