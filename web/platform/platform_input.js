// The JavaScript half of platform_input.cpp (an Emscripten JS library): the events html5.h does
// not cover. Paste and copy, the colour scheme, files dropped on the page, touch, and the
// hidden input behind a phone's on-screen keyboard. Its state is in Edge (edge.js).
mergeInto(LibraryManager.library, {
  js_input_install__deps: ['$Edge'],
  js_input_install: function() {
    // Paste: a page may not read the clipboard when it likes; it gets the text only with the
    // 'paste' event that follows Ctrl+V's keydown, which may come before or after the frame in
    // which ImGui sees Ctrl+V. So the event's text goes straight into the field being edited,
    // between frames (edgePaste). A browser that sends no 'paste' soon after the keys gets the
    // text last copied in the page (headroom_paste_expected).
    let awaitingPaste = 0;
    window.addEventListener('keydown', (e) => {
      const k = String(e.key).toLowerCase();
      if (((e.ctrlKey || e.metaKey) && k === 'v') || (e.shiftKey && k === 'insert')) {
        _headroom_paste_expected(1);
        clearTimeout(awaitingPaste);
        awaitingPaste = setTimeout(() => _headroom_paste_expected(0), 250);
      }
    }, { capture: true, passive: true });
    document.addEventListener('paste', (e) => {
      clearTimeout(awaitingPaste);
      Module.edgePaste(e.clipboardData ? e.clipboardData.getData('text/plain') : '');
      _headroom_request_frames();
    });
    // Copy: a Ctrl+C (or Cmd+C) keydown fires 'copy' before ImGui has seen the key, so the
    // text is not known yet; ImGui's copy reaches the clipboard after the frame (Edge.copy).
    // A copy from the browser's menu gets what ImGui copied last. Select all belongs to the
    // field being edited, not to the page's hidden DOM text.
    let keyCopy = false;
    window.addEventListener('keydown', (e) => {
      const k = String(e.key).toLowerCase();
      keyCopy = (e.ctrlKey || e.metaKey) && (k === 'c' || k === 'x');
      if (keyCopy) setTimeout(() => { keyCopy = false; }, 0);
      const editable = e.target && (e.target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(e.target.tagName));
      if ((e.ctrlKey || e.metaKey) && k === 'a' && !editable) e.preventDefault();
    }, { capture: true });
    // macOS sends no keyup for a key pressed while Cmd is held, so ImGui would think V still
    // down and paste again on every key repeat: letters pressed with Cmd are released shortly
    // after (ImGui's key index is the DOM keyCode).
    window.addEventListener('keydown', (e) => {
      if (e.metaKey && e.keyCode >= 65 && e.keyCode <= 90) {
        const code = e.keyCode;
        setTimeout(() => _headroom_release_key(code), 100);
      }
    }, { capture: true, passive: true });
    document.addEventListener('copy', (e) => {
      if (keyCopy || !Edge.clipboard || !e.clipboardData) return;
      e.clipboardData.setData('text/plain', Edge.clipboard);
      e.preventDefault();
    });

    const media = window.matchMedia ? window.matchMedia('(prefers-color-scheme: dark)') : null;
    if (media) {
      _headroom_system_theme(media.matches ? 1 : 0);
      media.addEventListener('change', (e) => { _headroom_system_theme(e.matches ? 1 : 0); _headroom_request_frames(); });
    }

    // A file dropped anywhere on the page: a Hugging Face config.json becomes the model, a
    // scenario document (the JSON the CLI reads) the scenario (browser_io.cpp decides).
    window.addEventListener('dragover', (e) => { e.preventDefault(); if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy'; });
    window.addEventListener('drop', (e) => {
      e.preventDefault();
      const f = e.dataTransfer && e.dataTransfer.files && e.dataTransfer.files[0];
      if (f) Edge.readFile(f, 'file');
    });

    // Touch. Touches on the canvas are kept from the browser's own panning and mouse
    // emulation (which would click late, and scroll nothing) and handled here: a finger that
    // moves more than a few pixels scrolls the panel it started on, the content following
    // it, and flings on when it lifts while moving; a finger that stays put is a tap, given
    // to the mouse callbacks as a click there.
    // The pointer then leaves the canvas, so nothing stays hovered (or tooltipped) on a phone.
    const canvas = Module.canvas;
    const mouse = (type, x, y) => canvas.dispatchEvent(new MouseEvent(type, {
      clientX: x, clientY: y, button: 0, buttons: type === 'mousedown' ? 1 : 0, bubbles: true, cancelable: true }));
    const afterFrames = (n, f) => requestAnimationFrame(() => (n > 1 ? afterFrames(n - 1, f) : f()));
    let tracking = false, scrolling = false, startX = 0, startY = 0, lastY = 0, lastT = 0, velocity = 0, fling = 0;
    const own = (e) => {
      if (e.target !== canvas) return false;
      e.preventDefault();
      e.stopPropagation();
      return true;
    };
    window.addEventListener('touchstart', (e) => {
      if (!own(e)) return;
      cancelAnimationFrame(fling);
      tracking = e.touches.length === 1;
      if (!tracking) return;
      const t = e.touches[0];
      startX = t.clientX;
      startY = lastY = t.clientY;
      lastT = e.timeStamp;
      scrolling = false;
      velocity = 0;
      mouse('mousemove', t.clientX, t.clientY);  // the wheel scrolls the window under here
    }, { capture: true, passive: false });
    window.addEventListener('touchmove', (e) => {
      if (!own(e) || !tracking || e.touches.length !== 1) return;
      const t = e.touches[0];
      if (!scrolling && Math.hypot(t.clientX - startX, t.clientY - startY) > 8) scrolling = true;
      if (!scrolling) return;
      const dy = t.clientY - lastY, dt = e.timeStamp - lastT;
      _headroom_touch_scroll(dy);
      if (dt > 0) velocity = 0.8 * (dy / dt) + 0.2 * velocity;  // CSS px per ms
      lastY = t.clientY;
      lastT = e.timeStamp;
    }, { capture: true, passive: false });
    const leave = () => afterFrames(3, () => { if (!tracking) mouse('mousemove', -1e4, -1e4); });
    const end = (e) => {
      if (!own(e) || !tracking) return;
      tracking = false;
      const t = e.changedTouches[0];
      if (e.type === 'touchcancel') return leave();
      if (!scrolling) {
        mouse('mousedown', t.clientX, t.clientY);
        mouse('mouseup', t.clientX, t.clientY);
        return leave();
      }
      if (e.timeStamp - lastT > 100 || Math.abs(velocity) < 0.2) return leave();  // it stopped before lifting
      let v = velocity, prev = performance.now();
      const step = (now) => {
        const dt = Math.min(now - prev, 50);
        prev = now;
        v *= Math.pow(0.996, dt);  // friction: about a second to come to rest
        if (Math.abs(v) < 0.02) return leave();
        _headroom_touch_scroll(v * dt);
        fling = requestAnimationFrame(step);
      };
      fling = requestAnimationFrame(step);
    };
    window.addEventListener('touchend', end, { capture: true, passive: false });
    window.addEventListener('touchcancel', end, { capture: true, passive: false });

    // The on-screen keyboard. A phone shows one only for a focused DOM text field, and the
    // canvas is none, so after a touch, while ImGui edits a field (io.WantTextInput), a hidden
    // <input> (#text-input, transparent, under the finger, ignoring pointers) takes the focus
    // and what is typed in it goes to ImGui through the key and character queue; it is
    // blurred, closing the keyboard, when ImGui stops editing (js_text_input). A mouse
    // (desktop) never focuses it. Each event's text is taken and the input's value reset to
    // one space, so it never grows and a Backspace always has something to delete (an empty
    // field sends no 'input' for it).
    // One path per key: the key callbacks hear keydown, keypress and keyup on the window,
    // whatever has the focus. A keypress that platform_input.cpp's OnKeyPress turned into a
    // character (a hardware keyboard, iOS's) is not typed again from the 'input' that follows;
    // Backspace's keydown OnKey cancels, so no 'input' follows. Keyboards sending keyCode 229
    // (Android) reach ImGui by 'input' alone.
    const input = document.createElement('input');
    input.id = 'text-input';
    input.type = 'text';
    input.tabIndex = -1;
    input.setAttribute('aria-hidden', 'true');
    input.inputMode = 'decimal';  // most fields are numbers
    input.setAttribute('autocomplete', 'off');
    input.setAttribute('autocorrect', 'off');
    input.setAttribute('autocapitalize', 'off');
    input.setAttribute('spellcheck', 'false');
    input.setAttribute('enterkeyhint', 'done');
    document.body.appendChild(input);
    const keyboard = Edge.keyboard = { input: input, touch: false, tapX: 0, tapY: 0 };
    const blank = ' ';
    const reset = () => { input.value = blank; input.setSelectionRange(blank.length, blank.length); };
    let charPressed = false, composing = false;
    window.addEventListener('pointerdown', (e) => { keyboard.touch = e.pointerType === 'touch'; }, { capture: true, passive: true });
    window.addEventListener('touchstart', (e) => {
      keyboard.touch = true;
      if (e.touches.length) { keyboard.tapX = e.touches[0].clientX; keyboard.tapY = e.touches[0].clientY; }
    }, { capture: true, passive: true });
    window.addEventListener('keydown', () => { charPressed = false; }, { capture: true, passive: true });
    window.addEventListener('keypress', (e) => {  // as OnKeyPress decides
      if (e.target === input && !e.ctrlKey && !e.metaKey && e.charCode >= 32) charPressed = true;
    }, { capture: true, passive: true });
    const type = (text) => Array.from(text).forEach((ch) => _headroom_text_char(ch.codePointAt(0)));
    input.addEventListener('compositionstart', () => { composing = true; });
    input.addEventListener('compositionend', (e) => { composing = false; type(e.data || ''); reset(); });
    input.addEventListener('input', (e) => {
      const kind = e.inputType || 'insertText', byKeypress = charPressed;
      charPressed = false;
      if (composing || e.isComposing) return;  // typed whole at compositionend
      if (kind === 'deleteContentBackward') _headroom_text_key(8);     // Backspace's keyCode
      else if (kind === 'deleteContentForward') _headroom_text_key(46);  // Delete
      else if (kind === 'insertLineBreak' || kind === 'insertParagraph') _headroom_text_key(13);  // Enter
      else if (kind.startsWith('insert') && kind !== 'insertFromPaste' && !byKeypress) type(e.data || '');
      reset();  // a paste is typed by the 'paste' listener above
    });
    keyboard.focus = () => {
      input.style.left = Math.max(0, Math.min(keyboard.tapX, window.innerWidth - 40)) + 'px';
      input.style.top = Math.max(0, Math.min(keyboard.tapY - 12, window.innerHeight - 24)) + 'px';
      if (document.activeElement === input) return;
      reset();
      input.focus({ preventScroll: true });
    };
    // iOS opens the keyboard only for a focus within the touch's own handler, before ImGui
    // has seen the tap: a tap lifted over a text field (ImGui's text cursor, from the hover
    // the touch's start gave it) focuses there and then. Also reopens a keyboard closed
    // while the field stayed active. Otherwise the frame that activates the field does it.
    window.addEventListener('touchend', (e) => {
      const t = e.changedTouches[0];
      if (e.target !== canvas || !t || Math.hypot(t.clientX - keyboard.tapX, t.clientY - keyboard.tapY) > 8) return;
      if (canvas.style.cursor === 'text') keyboard.focus();
    }, { capture: true, passive: true });
  },

  js_text_input__deps: ['$Edge'],
  js_text_input: function(want, decimal) {
    const keyboard = Edge.keyboard;
    if (!want) {
      if (document.activeElement === keyboard.input) keyboard.input.blur();
      return;
    }
    keyboard.input.inputMode = decimal ? 'decimal' : 'text';
    if (keyboard.touch) keyboard.focus();
  },

  // Apple keyboards: Cmd, not Ctrl, is the shortcut key (copy, paste, select all, undo).
  js_is_apple: function() {
    const p = navigator.platform || (navigator.userAgentData && navigator.userAgentData.platform) || '';
    return /mac|iphone|ipad|ipod/i.test(p) ? 1 : 0;
  },
});
