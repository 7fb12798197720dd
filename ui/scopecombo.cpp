#include "scopecombo.h"

#include "itemmodels/rostermodel.h"
#include "services/rosterservice.h"
#include "services/rotationservice.h"
#include "workspace.h"

using namespace Qt::StringLiterals;

namespace Tandem {

ScopeCombo::ScopeCombo(Workspace &workspace, QWidget *parent) : QComboBox(parent), m_workspace(workspace)
{
    setAccessibleName(tr("What to cover"));
    fill(false);
}

void ScopeCombo::fill(bool people)
{
    const QString previous = key();
    clear();
    // A failed read leaves those entries out: the dialog that shows this combo then reads its
    // report and shows that read's error (ReportsDialog's message, PrintSheetDialog's).
    if (people) {
        for (const Person &p : m_workspace.roster().people().value_or({})) {
            addItem(p.name, u"person:"_s + p.id.toString());
        }
    } else {
        for (const Team &t : m_workspace.rosterModel().teams()) {
            addItem(tr("Team %1 (all its rotations)").arg(t.name), u"team:"_s + t.id.toString());
        }
        for (const Rotation &r : m_workspace.rotations().rotations().value_or({})) {
            addItem(r.name, u"rotation:"_s + r.id.toString());
        }
    }
    setKey(previous);
}

void ScopeCombo::setKey(const QString &key)
{
    setCurrentIndex(std::max(0, findData(key)));
}

ReportScope ScopeCombo::scope(QDate from, QDate to) const
{
    ReportScope scope;
    scope.from = from;
    scope.to = to;
    const QString kind = key().section(u':', 0, 0);
    const QString id = key().section(u':', 1);
    if (kind == u"rotation") {
        scope.rotations = {RotationId::fromString(id)};
    } else if (kind == u"team") {
        scope.team = TeamId::fromString(id);
    } else if (kind == u"person") {
        scope.person = PersonId::fromString(id);
    }
    return scope;
}

} // namespace Tandem
