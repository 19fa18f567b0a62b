"""The tangle model with known rows (merged rows, layout/rows.py) and the tangle stage's gates."""
from baozhi.layout.tangles import untangle_lines

A = ["县里召开乡村治理工作会议，研究部", "署防汛抗旱和安全生产工作，听取各", "区县工作情况汇报并作出具体安排。"]
B0 = ["市人大常委会召开主任会议，听取关", "于全市预算执行情况的报告，审议有", "关议案并决定提请常委会会议审议。"]
B1 = ["区政协召开各组召集人会议，宣读大", "会临时党委名单，介绍大会议程和日", "程安排，要求委员认真履职尽责。"]


def test_rows_of_two_modules_side_by_side_alternate():
    # module A (one column) and module B (two columns) set with other leading: the dump
    # prints an A row, then a B row, and so on; each stream is idle every other row
    lines, rows = [], []
    for k in range(3):
        lines.append(A[k])
        rows.append(2 * k)
        lines += [B0[k], B1[k]]
        rows += [2 * k + 1] * 2
    assert untangle_lines(lines, 16.0, rows=rows) == [[0, 3, 6], [1, 4, 7], [2, 5, 8]]


def test_a_known_row_wider_than_the_stream_limit_still_places_every_line():
    lines = [A[0], B0[0], B1[0]]
    streams = untangle_lines(lines, 16.0, rows=[0, 0, 0], max_streams=2)
    assert streams == [[0, 2], [1]]
