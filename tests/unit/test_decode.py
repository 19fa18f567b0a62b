import pytest

from baozhi.errors import BinaryInput, EmptyInput
from baozhi.readers.decode import decode

TEXT = "本报讯（记者 涂燕）6月12日，永川区委副书记、区长常晓勇主持召开区政府第58次常务会议。\n"


@pytest.mark.parametrize("enc", ["utf-8", "utf-8-sig", "gb18030", "gbk", "utf-16", "big5"])
def test_encodings_detected(enc):
    s = TEXT if enc != "big5" else "本報訊（記者 涂燕）6月12日，永川區委副書記、區長常曉勇主持召開區政府第58次常務會議。會議指出，要深入學習貫徹。\n"
    text, got = decode((s * 3).encode(enc))
    assert text == s * 3


def test_newlines_normalised():
    text, _ = decode("甲\r\n乙\r丙\n".encode("utf-8"))
    assert text == "甲\n乙\n丙\n"


def test_empty_and_blank():
    with pytest.raises(EmptyInput):
        decode(b"")
    with pytest.raises(EmptyInput):
        decode(b"   \n\n  ")


def test_binary_rejected():
    with pytest.raises(BinaryInput):
        decode(bytes(range(256)) * 20)
