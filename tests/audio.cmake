# Offline renders measured as sound with sox and aubio.
add_test(NAME audio_render_sound COMMAND python3 ${CMAKE_SOURCE_DIR}/tests/audio/render_sound_test.py $<TARGET_FILE:seiche-cli>)
set_tests_properties(audio_render_sound PROPERTIES LABELS "audio" TIMEOUT 300)
