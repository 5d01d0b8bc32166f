#include <cstdio>

int main() {
    std::puts("seiche-cli: not yet");
    return 1;
}
