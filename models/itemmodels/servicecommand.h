#pragma once

#include "domain/result.h"

#include <QUndoCommand>

#include <functional>

namespace Tandem {

/// An edit already made through a service, on an undo stack. The caller ran the edit first (so
/// the user heard at once why it was refused); the first redo() is that edit and is skipped,
/// later ones replay it. A replay the database refuses (the data moved on: another edit, a sync)
/// makes the command obsolete and reports the message through `onFailure`.
class ServiceCommand final : public QUndoCommand
{
public:
    using Step = std::function<Status()>;
    using Failure = std::function<void(const QString &message)>;

    ServiceCommand(const QString &text, Step redoFn, Step undoFn, Failure onFailure)
        : QUndoCommand(text), m_redo(std::move(redoFn)), m_undo(std::move(undoFn)), m_onFailure(std::move(onFailure))
    {}

    void redo() override
    {
        if (m_done) {
            m_done = false;
            return;
        }
        run(m_redo);
    }
    void undo() override { run(m_undo); }

private:
    void run(const Step &fn)
    {
        if (const Status status = fn(); !status) {
            setObsolete(true);
            if (m_onFailure) {
                m_onFailure(status.errorMessage());
            }
        }
    }

    bool m_done = true;
    Step m_redo;
    Step m_undo;
    Failure m_onFailure;
};

} // namespace Tandem
