#include "pattern/lang/library.hpp"

namespace seiche::lang {

void registerCoreFunctions(Library& lib) {
    (void)lib;
}

}  // namespace seiche::lang
