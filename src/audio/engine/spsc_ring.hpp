#pragma once
// Lock-free single-producer/single-consumer ring of fixed capacity: the
// scheduler pushes triggers, the audio thread pops them. Neither side blocks,
// allocates or locks; a full ring refuses the push (the scheduler counts it).
#include <atomic>
#include <cstddef>
#include <memory>
#include <optional>

namespace seiche::audio {

template <typename T>
class SpscRing {
public:
    explicit SpscRing(std::size_t capacity) : size_(capacity + 1), items_(std::make_unique<T[]>(capacity + 1)) {}

    bool push(const T& item) {
        const std::size_t head = head_.load(std::memory_order_relaxed);
        const std::size_t next = (head + 1) % size_;
        if (next == tail_.load(std::memory_order_acquire)) return false;
        items_[head] = item;
        head_.store(next, std::memory_order_release);
        return true;
    }

    // The oldest item, without removing it (only the consumer may call this).
    const T* peek() const {
        const std::size_t tail = tail_.load(std::memory_order_relaxed);
        if (tail == head_.load(std::memory_order_acquire)) return nullptr;
        return &items_[tail];
    }

    void pop() { tail_.store((tail_.load(std::memory_order_relaxed) + 1) % size_, std::memory_order_release); }

    std::size_t capacity() const { return size_ - 1; }

private:
    const std::size_t size_;
    std::unique_ptr<T[]> items_;
    alignas(64) std::atomic<std::size_t> head_{0};
    alignas(64) std::atomic<std::size_t> tail_{0};
};

}  // namespace seiche::audio
