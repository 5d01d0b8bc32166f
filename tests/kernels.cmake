# The DSP kernels' wide copies give the same bits as the baseline (src/audio/dsp/kernel.hpp):
# a second build of the audio engine with baseline kernels only renders the benchmark
# loads, and the files must equal seiche-cli's.
add_library(seiche_audio_baseline STATIC ${SEICHE_AUDIO_SOURCES})
target_include_directories(seiche_audio_baseline PUBLIC ${CMAKE_SOURCE_DIR}/src)
target_compile_definitions(seiche_audio_baseline PRIVATE SEICHE_BASELINE_ONLY)
target_link_libraries(seiche_audio_baseline PUBLIC seiche_pattern PkgConfig::SNDFILE PkgConfig::SAMPLERATE
                      PkgConfig::RTAUDIO Threads::Threads)
add_executable(render_baseline ${CMAKE_CURRENT_SOURCE_DIR}/kernels/render_baseline.cpp)
target_link_libraries(render_baseline PRIVATE seiche_audio_baseline)
add_test(NAME kernels_same_bits
         COMMAND python3 ${CMAKE_CURRENT_SOURCE_DIR}/kernels/same_bits_test.py $<TARGET_FILE:seiche-cli>
                 $<TARGET_FILE:render_baseline> ${CMAKE_SOURCE_DIR}/bench)
set_tests_properties(kernels_same_bits PROPERTIES LABELS "engine" TIMEOUT 300 SKIP_RETURN_CODE 77)
