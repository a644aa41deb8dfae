from pydantic import BaseModel, ConfigDict
from pydantic.alias_generators import to_camel


class APIModel(BaseModel):
    """Base for everything that crosses the public API or leaves the service as JSON."""

    model_config = ConfigDict(alias_generator=to_camel, str_strip_whitespace=True)
