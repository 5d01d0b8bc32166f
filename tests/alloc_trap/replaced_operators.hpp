#pragma once
// Replaces every global allocation and free of the executable that includes this
// header (in exactly one source file) with the two functions that file defines:
//   void* trackedAllocate(std::size_t n);   // throws std::bad_alloc on failure
//   void trackedRelease(void* p) noexcept;
#include <cstddef>
#include <new>

void* trackedAllocate(std::size_t n);
void trackedRelease(void* p) noexcept;

void* operator new(std::size_t n) { return trackedAllocate(n); }
void* operator new[](std::size_t n) { return trackedAllocate(n); }
void* operator new(std::size_t n, const std::nothrow_t&) noexcept {
    try { return trackedAllocate(n); } catch (...) { return nullptr; }
}
void* operator new[](std::size_t n, const std::nothrow_t&) noexcept {
    try { return trackedAllocate(n); } catch (...) { return nullptr; }
}
void operator delete(void* p) noexcept { trackedRelease(p); }
void operator delete[](void* p) noexcept { trackedRelease(p); }
void operator delete(void* p, std::size_t) noexcept { trackedRelease(p); }
void operator delete[](void* p, std::size_t) noexcept { trackedRelease(p); }
