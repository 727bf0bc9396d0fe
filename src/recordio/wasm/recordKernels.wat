;; RecordIO-protobuf kernels: the inner loops of the sparse writers as WebAssembly, where a
;; varint is one store of a few bytes, sixteen keys are encoded by two SIMD swizzles and a row's
;; values are copied 32 bytes a step, instead of one JavaScript store per byte or word. Compiled by
;; `npm run generate:wasm` into generated/recordKernelsWasm.ts. The JavaScript (sparseKernel.ts,
;; denseKernel.ts, checkedKeyBytes.ts) copies each window of input rows into this memory, runs a
;; kernel over it and copies the records out; the bytes are those of the JavaScript writers
;; (sparseFloatSource.ts and denseSource.ts), which stay the fallback.
;;
;; Each kernel is one function, its varints and loops written out in place: V8 (as of Node 20)
;; does not inline calls between WebAssembly functions, and a call spills every live register
;; (the former kernel's eight calls a record cost it about a third of its time). For the same
;; reason the SIMD constants are loaded from memory once, not written as v128.const, which V8
;; rebuilds in each iteration.
;;
;; Memory is laid out by the caller (KERNEL_LAYOUT in recordKernels.ts); the kernels only read
;; and write the addresses they are given, plus the constant templates at the bottom:
;;   [0, 16)                   the record's `shape = [cols]` field, `shapeLen` bytes of it used
;;   [16, 32)                  the label field up to its value (16 bytes for a float label)
;;   [0x40, 0xa0)              denseKernel.wat's templates (that module shares this memory)
;;   [0x100, 0x160)            the kernels' SIMD constants, written by the data segment below
;;   [0x1000, + 4096)          for each mask m of which of 8 keys take two bytes, the i8x16.swizzle
;;                             that packs their 16-bit encodings (one byte where m has a 0 bit)
(module
  (memory (export "memory") 24)
  ;; i16x8 splats of 0x7f, 0xff80 and 0x80; i32x4 splat of 0x7f; i32x4 0, 1, 2, 3; i32x4
  ;; splat of -2^14.
  (data (i32.const 0x100) "\7f\00\7f\00\7f\00\7f\00\7f\00\7f\00\7f\00\7f\00"
    "\80\ff\80\ff\80\ff\80\ff\80\ff\80\ff\80\ff\80\ff" "\80\00\80\00\80\00\80\00\80\00\80\00\80\00\80\00"
    "\7f\00\00\00\7f\00\00\00\7f\00\00\00\7f\00\00\00" "\00\00\00\00\01\00\00\00\02\00\00\00\03\00\00\00"
    "\00\c0\ff\ff\00\c0\ff\ff\00\c0\ff\ff\00\c0\ff\ff")

  ;; Where the last `sparse` call stopped writing, and the framed size of the record it stopped
  ;; at (0 when it wrote every row it was given).
  (global $end (export "end") (mut i32) (i32.const 0))
  (global $blocked (export "blocked") (mut i32) (i32.const 0))

  ;; Checks the rows' column indices and counts their key bytes, reading a window as `sparse`:
  ;; stores row r's key bytes at `counts + 4r`, and returns 1 when the row pointers do not
  ;; decrease and every index lies in [0, last], else 0: one unsigned maximum of the indices
  ;; catches both ends, a negative index being at least 2^31 unsigned, past any `last`. One read
  ;; of the indices serves the writers' check, the one-buffer writer's measuring and the layout
  ;; of each record in `sparse`. A key's bytes
  ;; are one plus one per 7-bit boundary it passes; below 2^14 only the first can be passed.
  (func (export "checkRows")
    (param $rows i32) (param $ptrs i32) (param $base i32) (param $keys i32) (param $last i32)
    (param $counts i32) (result i32)
    (local $r i32) (local $p i32) (local $e i32) (local $wide i32)
    (local $a v128) (local $b v128) (local $c v128) (local $d v128) (local $acc v128)
    (local $lim v128) (local $t1 v128) (local $t2 v128) (local $t3 v128)
    (local $t4 v128) (local $lanes v128) (local $top v128)
    (local.set $lim (i32x4.splat (local.get $last)))
    (local.set $t1 (v128.load (i32.const 0x130)))
    (local.set $t2 (v128.const i32x4 0x3fff 0x3fff 0x3fff 0x3fff))
    (local.set $t3 (v128.const i32x4 0x1fffff 0x1fffff 0x1fffff 0x1fffff))
    (local.set $t4 (v128.const i32x4 0xfffffff 0xfffffff 0xfffffff 0xfffffff))
    (local.set $lanes (v128.load (i32.const 0x140)))
    (local.set $wide (i32.gt_u (local.get $last) (i32.const 0x3fff)))
    ;; The row pointers first, before any key is read: when they do not decrease, every row's
    ;; keys lie between the window's first and last pointer, which the caller copied in.
    (local.set $p (local.get $ptrs))
    (local.set $e (i32.add (local.get $ptrs) (i32.shl (local.get $rows) (i32.const 2))))
    (block $ordered
      (loop $order
        (br_if $ordered (i32.ge_u (local.get $p) (local.get $e)))
        (if (i32.lt_s (i32.load offset=4 (local.get $p)) (i32.load (local.get $p)))
          (then (return (i32.const 0))))
        (local.set $p (i32.add (local.get $p) (i32.const 4)))
        (br $order)))
    (local.set $e (i32.add (local.get $keys)
      (i32.shl (i32.sub (i32.load (local.get $ptrs)) (local.get $base)) (i32.const 2))))
    (block $done
      (loop $row
        (br_if $done (i32.ge_u (local.get $r) (local.get $rows)))
        (local.set $p (local.get $e))
        (local.set $e (i32.add (local.get $keys)
          (i32.shl (i32.sub (i32.load offset=4 (local.get $ptrs)) (local.get $base)) (i32.const 2))))
        (local.set $acc (v128.const i64x2 0 0))
        ;; Sixteen at a time while a row has sixteen left...
        (block $sixteens
          (loop $sixteen
            (br_if $sixteens (i32.gt_s (i32.add (local.get $p) (i32.const 64)) (local.get $e)))
            (local.set $a (v128.load align=4 (local.get $p)))
            (local.set $b (v128.load offset=16 align=4 (local.get $p)))
            (local.set $c (v128.load offset=32 align=4 (local.get $p)))
            (local.set $d (v128.load offset=48 align=4 (local.get $p)))
            (local.set $top (i32x4.max_u (local.get $top)
              (i32x4.max_u (i32x4.max_u (local.get $a) (local.get $b)) (i32x4.max_u (local.get $c) (local.get $d)))))
            (local.set $acc (i32x4.sub (local.get $acc) (i32x4.add
              (i32x4.add (i32x4.gt_s (local.get $a) (local.get $t1)) (i32x4.gt_s (local.get $b) (local.get $t1)))
              (i32x4.add (i32x4.gt_s (local.get $c) (local.get $t1)) (i32x4.gt_s (local.get $d) (local.get $t1))))))
            (if (local.get $wide)
              (then
                (local.set $acc (i32x4.sub (local.get $acc) (i32x4.add
                  (i32x4.add (i32x4.gt_s (local.get $a) (local.get $t2)) (i32x4.gt_s (local.get $b) (local.get $t2)))
                  (i32x4.add (i32x4.gt_s (local.get $c) (local.get $t2)) (i32x4.gt_s (local.get $d) (local.get $t2))))))
                (local.set $acc (i32x4.sub (local.get $acc) (i32x4.add
                  (i32x4.add (i32x4.gt_s (local.get $a) (local.get $t3)) (i32x4.gt_s (local.get $b) (local.get $t3)))
                  (i32x4.add (i32x4.gt_s (local.get $c) (local.get $t3)) (i32x4.gt_s (local.get $d) (local.get $t3))))))
                (local.set $acc (i32x4.sub (local.get $acc) (i32x4.add
                  (i32x4.add (i32x4.gt_s (local.get $a) (local.get $t4)) (i32x4.gt_s (local.get $b) (local.get $t4)))
                  (i32x4.add (i32x4.gt_s (local.get $c) (local.get $t4)) (i32x4.gt_s (local.get $d) (local.get $t4))))))))
            (local.set $p (i32.add (local.get $p) (i32.const 64)))
            (br $sixteen)))
        ;; ...then four at a time, the lanes past the row's end masked to 0 (in range, one byte).
        (block $fours
          (loop $four
            (br_if $fours (i32.ge_s (local.get $p) (local.get $e)))
            (local.set $a (v128.and (v128.load align=4 (local.get $p))
              (i32x4.gt_s (i32x4.splat (i32.shr_s (i32.sub (local.get $e) (local.get $p)) (i32.const 2)))
                (local.get $lanes))))
            (local.set $top (i32x4.max_u (local.get $top) (local.get $a)))
            (local.set $acc (i32x4.sub (local.get $acc) (i32x4.gt_s (local.get $a) (local.get $t1))))
            (if (local.get $wide)
              (then
                (local.set $acc (i32x4.sub (local.get $acc) (i32x4.add
                  (i32x4.gt_s (local.get $a) (local.get $t2))
                  (i32x4.add (i32x4.gt_s (local.get $a) (local.get $t3)) (i32x4.gt_s (local.get $a) (local.get $t4))))))))
            (local.set $p (i32.add (local.get $p) (i32.const 16)))
            (br $four)))
        (i32.store (local.get $counts) (i32.add
          (i32.add
            (i32.add (i32x4.extract_lane 0 (local.get $acc)) (i32x4.extract_lane 1 (local.get $acc)))
            (i32.add (i32x4.extract_lane 2 (local.get $acc)) (i32x4.extract_lane 3 (local.get $acc))))
          (i32.sub (i32.load offset=4 (local.get $ptrs)) (i32.load (local.get $ptrs)))))
        (local.set $counts (i32.add (local.get $counts) (i32.const 4)))
        (local.set $ptrs (i32.add (local.get $ptrs) (i32.const 4)))
        (local.set $r (i32.add (local.get $r) (i32.const 1)))
        (br $row)))
    (i32.eqz (v128.any_true (i32x4.gt_u (local.get $top) (local.get $lim)))))

  ;; The framed sizes of rows [0, rows) of a window, summed: what the one-buffer writer
  ;; allocates, from the row pointers at `ptrs` and each row's key bytes at `counts + 4r` (as
  ;; checkRows counts them), each record's length as sparseFloatSource's recordLen computes it;
  ;; `shapeLen` is the shape field's bytes, `labelField` the label field's (0 without labels).
  ;; Here and not in JavaScript because a loop that runs once per call keeps no optimized code
  ;; for long: a few full garbage collections later V8 has dropped it, and the next call runs
  ;; the loop in the interpreter until it is compiled again (for 100,000 rows, 2.5 ms warm and 6
  ;; to 11 ms in the bench's rounds; here under 1.2 ms either way). In 64-bit arithmetic, as a
  ;; row may hold values of more than 2^31 bytes. A varint of x takes (9 floor(log2(x | 1)) + 73) / 64
  ;; bytes (rounded down), for every x below 2^64.
  (func (export "sparseSizes")
    (param $rows i32) (param $ptrs i32) (param $counts i32) (param $width i32)
    (param $shapeLen i32) (param $labelField i32) (result f64)
    (local $end i32) (local $n i64) (local $x i64) (local $total i64)
    (local.set $end (i32.add (local.get $ptrs) (i32.shl (local.get $rows) (i32.const 2))))
    (block $done
      (loop $row
        (br_if $done (i32.ge_u (local.get $ptrs) (local.get $end)))
        (local.set $n (i64.extend_i32_u
          (i32.sub (i32.load offset=4 (local.get $ptrs)) (i32.load (local.get $ptrs)))))
        ;; The tensor: values and keys as packed fields (none for an empty row), then the shape.
        (local.set $x (i64.extend_i32_u (local.get $shapeLen)))
        (if (i64.ne (local.get $n) (i64.const 0))
          (then
            (local.set $n (i64.mul (local.get $n) (i64.extend_i32_u (local.get $width))))
            (local.set $x (i64.add (local.get $x)
              (i64.add (i64.add (i64.const 1)
                (i64.shr_u (i64.add (i64.mul (i64.sub (i64.const 63) (i64.clz (i64.or (local.get $n) (i64.const 1))))
                  (i64.const 9)) (i64.const 73)) (i64.const 6))) (local.get $n))))
            (local.set $n (i64.extend_i32_u (i32.load (local.get $counts))))
            (local.set $x (i64.add (local.get $x)
              (i64.add (i64.add (i64.const 1)
                (i64.shr_u (i64.add (i64.mul (i64.sub (i64.const 63) (i64.clz (i64.or (local.get $n) (i64.const 1))))
                  (i64.const 9)) (i64.const 73)) (i64.const 6))) (local.get $n))))))
        ;; The tensor inside its Value, the Value inside the map entry after its 8-byte key
        ;; "values", the entry as the features field: three length-delimited layers.
        (local.set $x (i64.add (i64.add (i64.const 1)
          (i64.shr_u (i64.add (i64.mul (i64.sub (i64.const 63) (i64.clz (i64.or (local.get $x) (i64.const 1))))
            (i64.const 9)) (i64.const 73)) (i64.const 6))) (local.get $x)))
        (local.set $x (i64.add (i64.add (i64.const 9)
          (i64.shr_u (i64.add (i64.mul (i64.sub (i64.const 63) (i64.clz (i64.or (local.get $x) (i64.const 1))))
            (i64.const 9)) (i64.const 73)) (i64.const 6))) (local.get $x)))
        (local.set $x (i64.add (i64.add (i64.const 1)
          (i64.shr_u (i64.add (i64.mul (i64.sub (i64.const 63) (i64.clz (i64.or (local.get $x) (i64.const 1))))
            (i64.const 9)) (i64.const 73)) (i64.const 6))) (local.get $x)))
        ;; Then the label, the frame's 8 bytes and its padding to four.
        (local.set $x (i64.add (local.get $x) (i64.extend_i32_u (local.get $labelField))))
        (local.set $total (i64.add (local.get $total) (i64.add (i64.const 8)
          (i64.and (i64.add (local.get $x) (i64.const 3)) (i64.const -4)))))
        (local.set $ptrs (i32.add (local.get $ptrs) (i32.const 4)))
        (local.set $counts (i32.add (local.get $counts) (i32.const 4)))
        (br $row)))
    (f64.convert_i64_u (local.get $total)))

  ;; Writes the records of rows [0, rows) of a window at `out` while they fit before `limit`, and
  ;; returns how many it wrote (`end` says where they end, `blocked` the size of the one that did
  ;; not fit). Row r's values are `(ptrs[r + 1] - ptrs[r]) * width` bytes at
  ;; `vals + (ptrs[r] - base) * width`, its column indices int32 at `keys + (ptrs[r] - base) * 4`,
  ;; their key bytes (as checkRows counts them) at `counts + 4r`, its label `labelWidth` bytes at
  ;; `labs + r * labelWidth` (no label when 0); `keyGuess` is the largest index's key bytes.
  ;; Every part of a record is stored whole, 16 or 32 bytes at a time where that is faster, in
  ;; order, each part overwriting what the part before stored past its end; the stores reach up
  ;; to one record (plus 64 bytes) past `limit`.
  (func (export "sparse")
    (param $rows i32) (param $ptrs i32) (param $base i32) (param $keys i32) (param $vals i32)
    (param $width i32) (param $valueTag i32) (param $shapeLen i32) (param $keyGuess i32)
    (param $counts i32) (param $labs i32) (param $labelWidth i32) (param $out i32)
    (param $limit i32) (result i32)
    (local $r i32) (local $from i32) (local $n i32) (local $payload i32) (local $k i32)
    (local $label i32) (local $len i32) (local $framed i32) (local $tensor i32) (local $value i32)
    (local $entry i32) (local $o i32) (local $p i32) (local $e i32) (local $s i32)
    (local $m i32) (local $cnt i32) (local $sp i32) (local $sk i32) (local $st i32) (local $sv i32)
    (local $se i32) (local $wide i32) (local $v i32) (local $x i64)
    (local $a v128) (local $b v128) (local $c v128) (local $d v128) (local $h v128) (local $two v128)
    (local $shape v128) (local $labelHead v128) (local $c7f v128) (local $chi v128) (local $c80 v128)
    (local $big v128)
    (local.set $shape (v128.load (i32.const 0)))
    (local.set $labelHead (v128.load (i32.const 16)))
    (local.set $c7f (v128.load (i32.const 0x100)))
    (local.set $chi (v128.load (i32.const 0x110)))
    (local.set $c80 (v128.load (i32.const 0x120)))
    (local.set $big (v128.load (i32.const 0x150)))
    (local.set $wide (i32.gt_u (local.get $keyGuess) (i32.const 2)))
    (local.set $label (select (i32.add (i32.const 16) (local.get $labelWidth)) (i32.const 0)
      (local.get $labelWidth)))
    (global.set $blocked (i32.const 0))
    (block $done
      (loop $row
        (br_if $done (i32.ge_u (local.get $r) (local.get $rows)))
        (local.set $from (i32.sub (i32.load (local.get $ptrs)) (local.get $base)))
        (local.set $n (i32.sub (i32.load offset=4 (local.get $ptrs)) (i32.load (local.get $ptrs))))
        (local.set $payload (i32.mul (local.get $n) (local.get $width)))
        (local.set $k (i32.load (local.get $counts)))
        ;; The record's lengths, from the inside out: below 2^21 (a window's at most 32,768
        ;; values take at most 13 bytes each), so varints of at most three bytes, stored as four.
        (local.set $sp (i32.add (i32.add (i32.const 1) (i32.gt_u (local.get $payload) (i32.const 0x7f)))
          (i32.gt_u (local.get $payload) (i32.const 0x3fff))))
        (local.set $sk (i32.add (i32.add (i32.const 1) (i32.gt_u (local.get $k) (i32.const 0x7f)))
          (i32.gt_u (local.get $k) (i32.const 0x3fff))))
        (local.set $tensor (i32.add (local.get $shapeLen) (select
          (i32.add (i32.add (i32.add (i32.const 2) (local.get $sp)) (i32.add (local.get $sk) (local.get $payload)))
            (local.get $k))
          (i32.const 0) (local.get $n))))
        (local.set $st (i32.add (i32.add (i32.const 1) (i32.gt_u (local.get $tensor) (i32.const 0x7f)))
          (i32.gt_u (local.get $tensor) (i32.const 0x3fff))))
        (local.set $value (i32.add (i32.add (i32.const 1) (local.get $st)) (local.get $tensor)))
        (local.set $sv (i32.add (i32.add (i32.const 1) (i32.gt_u (local.get $value) (i32.const 0x7f)))
          (i32.gt_u (local.get $value) (i32.const 0x3fff))))
        (local.set $entry (i32.add (i32.add (i32.const 9) (local.get $sv)) (local.get $value)))
        (local.set $se (i32.add (i32.add (i32.const 1) (i32.gt_u (local.get $entry) (i32.const 0x7f)))
          (i32.gt_u (local.get $entry) (i32.const 0x3fff))))
        (local.set $len (i32.add (i32.add (i32.add (i32.const 1) (local.get $se)) (local.get $entry))
          (local.get $label)))
        (local.set $framed (i32.add (i32.const 8) (i32.and (i32.add (local.get $len) (i32.const 3))
          (i32.const -4))))
        (if (i32.gt_u (i32.add (local.get $out) (local.get $framed)) (local.get $limit))
          (then
            (global.set $blocked (local.get $framed))
            (br $done)))
        (i32.store align=1 (local.get $out) (i32.const 0xced7230a))
        (i32.store offset=4 align=1 (local.get $out) (local.get $len))
        (i32.store8 offset=8 (local.get $out) (i32.const 0x0a))
        (local.set $o (i32.add (local.get $out) (i32.const 9)))
        (i32.store align=1 (local.get $o) (i32.or
          (i32.or (i32.and (local.get $entry) (i32.const 0x7f))
            (i32.and (i32.shl (local.get $entry) (i32.const 1)) (i32.const 0x7f00)))
          (i32.or (i32.and (i32.shl (local.get $entry) (i32.const 2)) (i32.const 0x7f0000))
            (i32.shr_u (i32.const 0x8080) (i32.shl (i32.sub (i32.const 3) (local.get $se)) (i32.const 3))))))
        (local.set $o (i32.add (local.get $o) (local.get $se)))
        (i64.store align=1 (local.get $o) (i64.const 0x7365756c6176060a))
        (i32.store8 offset=8 (local.get $o) (i32.const 0x12))
        (i32.store offset=9 align=1 (local.get $o) (i32.or
          (i32.or (i32.and (local.get $value) (i32.const 0x7f))
            (i32.and (i32.shl (local.get $value) (i32.const 1)) (i32.const 0x7f00)))
          (i32.or (i32.and (i32.shl (local.get $value) (i32.const 2)) (i32.const 0x7f0000))
            (i32.shr_u (i32.const 0x8080) (i32.shl (i32.sub (i32.const 3) (local.get $sv)) (i32.const 3))))))
        (local.set $o (i32.add (local.get $o) (i32.add (i32.const 9) (local.get $sv))))
        (i32.store8 (local.get $o) (local.get $valueTag))
        (i32.store offset=1 align=1 (local.get $o) (i32.or
          (i32.or (i32.and (local.get $tensor) (i32.const 0x7f))
            (i32.and (i32.shl (local.get $tensor) (i32.const 1)) (i32.const 0x7f00)))
          (i32.or (i32.and (i32.shl (local.get $tensor) (i32.const 2)) (i32.const 0x7f0000))
            (i32.shr_u (i32.const 0x8080) (i32.shl (i32.sub (i32.const 3) (local.get $st)) (i32.const 3))))))
        (local.set $o (i32.add (local.get $o) (i32.add (i32.const 1) (local.get $st))))
        (if (local.get $n)
          (then
            (i32.store8 (local.get $o) (i32.const 0x0a))
            (i32.store offset=1 align=1 (local.get $o) (i32.or
              (i32.or (i32.and (local.get $payload) (i32.const 0x7f))
                (i32.and (i32.shl (local.get $payload) (i32.const 1)) (i32.const 0x7f00)))
              (i32.or (i32.and (i32.shl (local.get $payload) (i32.const 2)) (i32.const 0x7f0000))
                (i32.shr_u (i32.const 0x8080) (i32.shl (i32.sub (i32.const 3) (local.get $sp)) (i32.const 3))))))
            (local.set $o (i32.add (local.get $o) (i32.add (i32.const 1) (local.get $sp))))
            (local.set $s (i32.add (local.get $vals) (i32.mul (local.get $from) (local.get $width))))
            (local.set $e (i32.add (local.get $o) (local.get $payload)))
            (loop $copy
              (v128.store align=1 (local.get $o) (v128.load align=1 (local.get $s)))
              (v128.store offset=16 align=1 (local.get $o) (v128.load offset=16 align=1 (local.get $s)))
              (local.set $s (i32.add (local.get $s) (i32.const 32)))
              (local.set $o (i32.add (local.get $o) (i32.const 32)))
              (br_if $copy (i32.lt_u (local.get $o) (local.get $e))))
            (local.set $o (local.get $e))
            (i32.store8 (local.get $o) (i32.const 0x12))
            (i32.store offset=1 align=1 (local.get $o) (i32.or
              (i32.or (i32.and (local.get $k) (i32.const 0x7f))
                (i32.and (i32.shl (local.get $k) (i32.const 1)) (i32.const 0x7f00)))
              (i32.or (i32.and (i32.shl (local.get $k) (i32.const 2)) (i32.const 0x7f0000))
                (i32.shr_u (i32.const 0x8080) (i32.shl (i32.sub (i32.const 3) (local.get $sk)) (i32.const 3))))))
            (local.set $o (i32.add (local.get $o) (i32.add (i32.const 1) (local.get $sk))))
            (local.set $p (i32.add (local.get $keys) (i32.shl (local.get $from) (i32.const 2))))
            (local.set $e (i32.add (local.get $p) (i32.shl (local.get $n) (i32.const 2))))
            ;; Sixteen keys a step, below 2^14 (always, up to 16,384 columns), as two groups of
            ;; eight narrowed to 16-bit lanes: c + (c & ~0x7f) moves each key's high seven bits up
            ;; a byte, then the continuation bit, and the swizzle its group's mask of two-byte keys
            ;; selects packs them.
            (block $wider
              (loop $sixteen
                (br_if $wider (i32.gt_u (i32.add (local.get $p) (i32.const 64)) (local.get $e)))
                (local.set $a (v128.load align=4 (local.get $p)))
                (local.set $b (v128.load offset=16 align=4 (local.get $p)))
                (local.set $c (v128.load offset=32 align=4 (local.get $p)))
                (local.set $d (v128.load offset=48 align=4 (local.get $p)))
                (br_if $wider (if (result i32) (local.get $wide)
                  (then (v128.any_true (v128.and (local.get $big)
                    (v128.or (v128.or (local.get $a) (local.get $b)) (v128.or (local.get $c) (local.get $d))))))
                  (else (i32.const 0))))
                (local.set $a (i16x8.narrow_i32x4_u (local.get $a) (local.get $b)))
                (local.set $b (i16x8.narrow_i32x4_u (local.get $c) (local.get $d)))
                (local.set $h (i16x8.gt_s (local.get $a) (local.get $c7f)))
                (local.set $two (i16x8.gt_s (local.get $b) (local.get $c7f)))
                (local.set $m (i8x16.bitmask (i8x16.narrow_i16x8_s (local.get $h) (local.get $two))))
                ;; Sixteen two-byte keys (most, past 127 columns: scipy sorts a row's indices, so
                ;; its small ones come first) need no swizzle.
                (if (i32.eq (local.get $m) (i32.const 0xffff))
                  (then
                    (v128.store align=1 (local.get $o)
                      (v128.or (i16x8.add (local.get $a) (v128.and (local.get $a) (local.get $chi))) (local.get $c80)))
                    (v128.store offset=16 align=1 (local.get $o)
                      (v128.or (i16x8.add (local.get $b) (v128.and (local.get $b) (local.get $chi))) (local.get $c80))))
                  (else
                    (v128.store align=1 (local.get $o)
                      (i8x16.swizzle
                        (v128.or (i16x8.add (local.get $a) (v128.and (local.get $a) (local.get $chi)))
                          (v128.and (local.get $h) (local.get $c80)))
                        (v128.load (i32.add (i32.const 0x1000)
                          (i32.shl (i32.and (local.get $m) (i32.const 0xff)) (i32.const 4))))))
                    (v128.store align=1 (i32.add (i32.add (local.get $o) (i32.const 8))
                        (i32.popcnt (i32.and (local.get $m) (i32.const 0xff))))
                      (i8x16.swizzle
                        (v128.or (i16x8.add (local.get $b) (v128.and (local.get $b) (local.get $chi)))
                          (v128.and (local.get $two) (local.get $c80)))
                        (v128.load (i32.add (i32.const 0x1000)
                          (i32.shl (i32.shr_u (local.get $m) (i32.const 8)) (i32.const 4))))))))
                (local.set $o (i32.add (local.get $o) (i32.add (i32.const 16) (i32.popcnt (local.get $m)))))
                (local.set $p (i32.add (local.get $p) (i32.const 64)))
                (br $sixteen)))
            ;; The row's last keys: past 16,384 columns (and from a key of 2^14 or more on) one
            ;; at a time; otherwise a step as above that masks off the lanes past the row (they
            ;; land after its keys, where the next part overwrites them).
            (if (i32.lt_u (local.get $p) (local.get $e))
              (then
                (if (local.get $wide)
                  (then
                    (loop $one
                      (local.set $v (i32.load (local.get $p)))
                      (local.set $m (i32.add
                        (i32.add (i32.add (i32.const 1) (i32.gt_u (local.get $v) (i32.const 0x7f)))
                          (i32.gt_u (local.get $v) (i32.const 0x3fff)))
                        (i32.add (i32.gt_u (local.get $v) (i32.const 0x1fffff))
                          (i32.gt_u (local.get $v) (i32.const 0xfffffff)))))
                      (local.set $x (i64.extend_i32_u (local.get $v)))
                      ;; Seven bits to a byte, the continuation bit on every byte but the last.
                      (i64.store align=1 (local.get $o) (i64.or
                        (i64.or
                          (i64.or (i64.and (local.get $x) (i64.const 0x7f))
                            (i64.and (i64.shl (local.get $x) (i64.const 1)) (i64.const 0x7f00)))
                          (i64.or
                            (i64.or (i64.and (i64.shl (local.get $x) (i64.const 2)) (i64.const 0x7f0000))
                              (i64.and (i64.shl (local.get $x) (i64.const 3)) (i64.const 0x7f000000)))
                            (i64.and (i64.shl (local.get $x) (i64.const 4)) (i64.const 0x7f00000000))))
                        (i64.shr_u (i64.const 0x80808080)
                          (i64.extend_i32_u (i32.shl (i32.sub (i32.const 5) (local.get $m)) (i32.const 3))))))
                      (local.set $o (i32.add (local.get $o) (local.get $m)))
                      (local.set $p (i32.add (local.get $p) (i32.const 4)))
                      (br_if $one (i32.lt_u (local.get $p) (local.get $e)))))
                  (else
                    (local.set $cnt (i32.shr_u (i32.sub (local.get $e) (local.get $p)) (i32.const 2)))
                    (local.set $a (v128.load align=4 (local.get $p)))
                    (local.set $b (v128.load offset=16 align=4 (local.get $p)))
                    (local.set $c (v128.load offset=32 align=4 (local.get $p)))
                    (local.set $d (v128.load offset=48 align=4 (local.get $p)))
                    (local.set $a (i16x8.narrow_i32x4_u (local.get $a) (local.get $b)))
                    (local.set $b (i16x8.narrow_i32x4_u (local.get $c) (local.get $d)))
                    (local.set $h (i16x8.gt_s (local.get $a) (local.get $c7f)))
                    (local.set $two (i16x8.gt_s (local.get $b) (local.get $c7f)))
                    (local.set $m (i32.and (i8x16.bitmask (i8x16.narrow_i16x8_s (local.get $h) (local.get $two)))
                      (i32.sub (i32.shl (i32.const 1) (local.get $cnt)) (i32.const 1))))
                    (v128.store align=1 (local.get $o)
                      (i8x16.swizzle
                        (v128.or (i16x8.add (local.get $a) (v128.and (local.get $a) (local.get $chi)))
                          (v128.and (local.get $h) (local.get $c80)))
                        (v128.load (i32.add (i32.const 0x1000)
                          (i32.shl (i32.and (local.get $m) (i32.const 0xff)) (i32.const 4))))))
                    (v128.store align=1 (i32.add (i32.add (local.get $o) (i32.const 8))
                        (i32.popcnt (i32.and (local.get $m) (i32.const 0xff))))
                      (i8x16.swizzle
                        (v128.or (i16x8.add (local.get $b) (v128.and (local.get $b) (local.get $chi)))
                          (v128.and (local.get $two) (local.get $c80)))
                        (v128.load (i32.add (i32.const 0x1000)
                          (i32.shl (i32.shr_u (local.get $m) (i32.const 8)) (i32.const 4))))))
                    (local.set $o (i32.add (local.get $o) (i32.add (local.get $cnt) (i32.popcnt (local.get $m)))))
))))))
        (v128.store align=1 (local.get $o) (local.get $shape))
        (local.set $o (i32.add (local.get $o) (local.get $shapeLen)))
        (if (local.get $labelWidth)
          (then
            (v128.store align=1 (local.get $o) (local.get $labelHead))
            (i64.store offset=16 align=1 (local.get $o)
              (i64.load align=4 (i32.add (local.get $labs) (i32.mul (local.get $r) (local.get $labelWidth)))))
            (local.set $o (i32.add (local.get $o) (local.get $label)))))
        (i32.store align=1 (local.get $o) (i32.const 0))
        (local.set $out (i32.add (local.get $out) (local.get $framed)))
        (local.set $ptrs (i32.add (local.get $ptrs) (i32.const 4)))
        (local.set $counts (i32.add (local.get $counts) (i32.const 4)))
        (local.set $r (i32.add (local.get $r) (i32.const 1)))
        (br $row)))
    (global.set $end (local.get $out))
    (local.get $r))
)
