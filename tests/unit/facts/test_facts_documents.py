"""Documents: 《》 titles and unbracketed documents reviewed by a meeting."""
from baozhi.facts.documents import bracket_titles, meeting_documents


def _docs(v):
    return [v[s:e] for s, e in meeting_documents(v, 0, len(v))]


def test_bracket_titles_nested():
    v = "讨论了《贯彻<中国共产党党委(党组)理论学习中心组学习规则>实施细则》、《决定》"
    assert [v[s:e] for s, e in bracket_titles(v)] == ["贯彻<中国共产党党委(党组)理论学习中心组学习规则>实施细则", "决定"]


def test_unbracketed_items_split_at_he_after_a_head_noun():
    v = "会议讨论了市委十四届五次全会工作报告(讨论稿)和全会建议方案、听取了关于改革试点工作有关汇报。"
    assert _docs(v) == ["市委十四届五次全会工作报告(讨论稿)", "全会建议方案"]


def test_version_tag_outside_brackets_dropped():
    assert _docs("讨论研究《政府工作报告》(征求意见稿)。") == ["政府工作报告"]


def test_generic_references_and_oral_reports_are_not_documents():
    v = "审议有关文件草案和人事事项,听取2025年度省政协委员履职情况通报等。"
    assert _docs(v) == ["2025年度省政协委员履职情况通报"]
    assert _docs("审议省政协十三届四次会议相关办法、名单、事项、日程等文件草案。") == []
    assert _docs("听取2023年全区外事工作情况汇报。") == []


def test_list_closed_by_a_count_stays_whole():
    assert _docs("会议审议通过了街道“大工委”例会、督查、考评三项工作制度。") == ["街道“大工委”例会、督查、考评三项工作制度"]


def test_report_delivered():
    assert _docs("由包可同志代表镇人民政府作政府工作报告。") == ["政府工作报告"]


def test_verb_inside_a_document_name_is_not_a_verb():
    v = "会议审议区人大常委会主任会议关于提请审议召开区人大第三次会议决定(草案)的议案、区人大常委会工作报告(草案)的议案等。"
    assert _docs(v) == ["区人大常委会主任会议关于提请审议召开区人大第三次会议决定(草案)的议案", "区人大常委会工作报告(草案)的议案"]


def test_conveyed_documents_are_not_reviewed():
    assert _docs("要认真贯彻《防范化解金融风险问责规定(试行)》。") == []


def test_open_head_nouns_and_guan_yu_kept():
    v = "会议审议了区防汛抗旱应急预案(修订稿)、区城区排涝工作实施方案和关于加强汛期安全管理的通知。"
    assert _docs(v) == ["区防汛抗旱应急预案(修订稿)", "区城区排涝工作实施方案", "关于加强汛期安全管理的通知"]
