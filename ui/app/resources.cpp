// The app's resources (themes, keymaps, the demo) are compiled into the static
// seiche_ui library, so whoever links it must register them once; Q_INIT_RESOURCE
// only works outside a namespace.
#include <QtGlobal>

#include "app/resources.hpp"

static void registerSeicheResources() { Q_INIT_RESOURCE(seiche); }

namespace seiche::ui {

void ensureResources() {
    static const bool once = (registerSeicheResources(), true);
    (void)once;
}

}  // namespace seiche::ui
