#pragma once

#include <QApplication>
#include <QDeadlineTimer>
#include <QTimer>
#include <QWidget>

namespace Tandem::Test {

/// Runs `fn` on the next modal dialog once it is shown. A dialog that never opens fails the test
/// (after `timeoutMs`) instead of leaving the timer re-arming until ctest kills the process.
template <typename Fn> void onNextDialog(Fn fn, int timeoutMs = 10000)
{
    const QDeadlineTimer deadline(timeoutMs);
    struct Poll
    {
        static void next(Fn fn, QDeadlineTimer deadline)
        {
            QTimer::singleShot(0, qApp, [fn, deadline] {
                if (QWidget *modal = QApplication::activeModalWidget()) {
                    fn(modal);
                    return;
                }
                if (deadline.hasExpired()) {
                    qFatal("onNextDialog: no modal dialog opened within the timeout");
                }
                next(fn, deadline);
            });
        }
    };
    Poll::next(fn, deadline);
}

/// Runs `fn` on the next popup (a context menu) once it is shown; fails the test like
/// onNextDialog() when none opens within `timeoutMs`.
template <typename Fn> void onNextPopup(Fn fn, int timeoutMs = 10000)
{
    const QDeadlineTimer deadline(timeoutMs);
    struct Poll
    {
        static void next(Fn fn, QDeadlineTimer deadline)
        {
            QTimer::singleShot(0, qApp, [fn, deadline] {
                if (QWidget *popup = QApplication::activePopupWidget()) {
                    fn(popup);
                    return;
                }
                if (deadline.hasExpired()) {
                    qFatal("onNextPopup: no popup opened within the timeout");
                }
                next(fn, deadline);
            });
        }
    };
    Poll::next(fn, deadline);
}

} // namespace Tandem::Test
