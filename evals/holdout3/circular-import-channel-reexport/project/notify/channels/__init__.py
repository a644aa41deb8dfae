from notify.channels.base import Channel
from notify.channels.email import EmailChannel
from notify.channels.sms import SmsChannel

CHANNELS: dict[str, Channel] = {
    "email": EmailChannel(sender="no-reply@shop.test"),
    "sms": SmsChannel(sender_id="SHOP"),
}
