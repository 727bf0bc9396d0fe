;; The dense RecordIO-protobuf kernel: fixed-size records laid out from two templates, 16 bytes a
;; store, where the JavaScript writer (denseSource.ts, the fallback) stores a 32-bit word at a
;; time. It shares the memory of recordKernels.wat (whose header describes the layout);
;; denseKernel.ts copies each window of rows in and the records out.
;;   [DENSE_HEAD, + 48)        a record's bytes before its values (frame, field headers)
;;   [DENSE_TAIL, + 32)        its bytes after them: the label field (value zero) and padding
(module
  (import "kernels" "memory" (memory 24))

  (global $DENSE_HEAD i32 (i32.const 0x40))
  (global $DENSE_TAIL i32 (i32.const 0x80))

  ;; Writes `rows` dense records of one size at `out`: each is the head template (`headLen`
  ;; bytes), the row's `rowBytes` value bytes from `vals`, then the tail template (`tailLen`
  ;; bytes) with the row's label (`labelWidth` bytes from `labs`, none when 0) 16 bytes into it.
  ;; Everything is stored 16 bytes at a time, in order, each part overwriting what the part
  ;; before stored past its end; the last stores reach up to 16 bytes past the records.
  (func (export "dense")
    (param $rows i32) (param $vals i32) (param $rowBytes i32) (param $labs i32)
    (param $labelWidth i32) (param $headLen i32) (param $tailLen i32) (param $out i32)
    (result i32)
    (local $r i32) (local $d i32) (local $s i32) (local $e i32)
    (local $h0 v128) (local $h1 v128) (local $h2 v128) (local $t0 v128) (local $t1 v128)
    (local.set $h0 (v128.load (global.get $DENSE_HEAD)))
    (local.set $h1 (v128.load offset=16 (global.get $DENSE_HEAD)))
    (local.set $h2 (v128.load offset=32 (global.get $DENSE_HEAD)))
    (local.set $t0 (v128.load (global.get $DENSE_TAIL)))
    (local.set $t1 (v128.load offset=16 (global.get $DENSE_TAIL)))
    (local.set $s (local.get $vals))
    (block $done
      (loop $row
        (br_if $done (i32.ge_u (local.get $r) (local.get $rows)))
        (v128.store align=1 (local.get $out) (local.get $h0))
        (if (i32.gt_u (local.get $headLen) (i32.const 16))
          (then
            (v128.store offset=16 align=1 (local.get $out) (local.get $h1))
            (if (i32.gt_u (local.get $headLen) (i32.const 32))
              (then (v128.store offset=32 align=1 (local.get $out) (local.get $h2))))))
        (local.set $d (i32.add (local.get $out) (local.get $headLen)))
        (local.set $e (i32.add (local.get $s) (local.get $rowBytes)))
        (block $copied
          (loop $copy
            (br_if $copied (i32.ge_u (local.get $s) (local.get $e)))
            (v128.store align=1 (local.get $d) (v128.load align=1 (local.get $s)))
            (local.set $s (i32.add (local.get $s) (i32.const 16)))
            (local.set $d (i32.add (local.get $d) (i32.const 16)))
            (br $copy)))
        (local.set $s (local.get $e))
        (local.set $d (i32.add (i32.add (local.get $out) (local.get $headLen)) (local.get $rowBytes)))
        (v128.store align=1 (local.get $d) (local.get $t0))
        (if (i32.gt_u (local.get $tailLen) (i32.const 16))
          (then (v128.store offset=16 align=1 (local.get $d) (local.get $t1))))
        (if (i32.eq (local.get $labelWidth) (i32.const 4))
          (then (i32.store offset=16 align=1 (local.get $d)
            (i32.load (i32.add (local.get $labs) (i32.shl (local.get $r) (i32.const 2)))))))
        (if (i32.eq (local.get $labelWidth) (i32.const 8))
          (then (i64.store offset=16 align=1 (local.get $d)
            (i64.load (i32.add (local.get $labs) (i32.shl (local.get $r) (i32.const 3)))))))
        (local.set $out (i32.add (local.get $d) (local.get $tailLen)))
        (local.set $r (i32.add (local.get $r) (i32.const 1)))
        (br $row)))
    (local.get $out))
)
